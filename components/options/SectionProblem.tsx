import type {
  AccountModel,
  AccountSection,
} from '@/utils/models/account-model';
import { accountFailureText } from '@/utils/models/account-failure';
import { ProblemNotice } from '../shared/ProblemNotice';

/** Props of SectionProblem. */
export interface SectionProblemProps {
  model: AccountModel;
  section: AccountSection;
}

/** The failure of the last action, shown in the section it belongs to. */
export function SectionProblem({ model, section }: SectionProblemProps) {
  const problem = model.problem.value;
  if (problem?.section !== section) return null;

  return <ProblemNotice problem={{ message: accountFailureText(problem) }} />;
}
