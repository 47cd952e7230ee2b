import { render } from 'preact';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { createDraftsModel } from '@/utils/models/drafts-model';
import { createStorageModel } from '@/utils/models/storage-model';
import { ClipRepository } from '@/utils/store/clip-repository';
import { openPeerclipDb } from '@/utils/store/database';
import '@/components/shared/surface.css';

const clips = new ClipRepository(openPeerclipDb());
const drafts = createDraftsModel({
  observeDrafts: (search) => clips.observeDrafts(search),
});
const storage = createStorageModel(navigator.storage);

void storage.request();
render(
  <SidePanelApp drafts={drafts} storage={storage} />,
  document.getElementById('app') as HTMLElement,
);
