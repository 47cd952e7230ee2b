import type {
  AccountModel,
  AccountSection,
} from '@/utils/models/account-model';
import { ProblemNotice } from '../shared/ProblemNotice';

/** Props of SectionProblem. */
export interface SectionProblemProps {
  model: AccountModel;
  section: AccountSection;
}

/** The failure of the last action, shown in the section it belongs to. */
export function SectionProblem({ model, section }: SectionProblemProps) {
  const problem = model.problem.value;

  return (
    <ProblemNotice problem={problem?.section === section ? problem : null} />
  );
}
