/**
 * Runs every test (unit, db, e2e) in one vitest run, after building the
 * extension for the e2e tests, and ends with one plain line that CI reads:
 * `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

function countResults(reportPath) {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numTotalTestSuites ? 0 : 1),
      suitesFailed: report.testResults.filter(
        (suite) => suite.status === 'failed' && !suite.assertionResults.length,
      ).length,
    };
  } catch (error) {
    console.error('Could not read the test report:', error.message);
    return { passed: 0, failed: 1, suitesFailed: 0 };
  }
}

const buildStatus = run('npx', ['wxt', 'build', '--mode', 'e2e']);
if (buildStatus !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const reportDir = mkdtempSync(join(tmpdir(), 'peerclip-report-'));
const reportPath = join(reportDir, 'report.json');
const testStatus = run('npx', [
  'vitest',
  'run',
  '--passWithNoTests',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportPath}`,
  ...process.argv.slice(2),
]);
const { passed, failed, suitesFailed } = countResults(reportPath);
rmSync(reportDir, { recursive: true, force: true });

// A file that fails to load has no test results of its own: count it once.
const totalFailed = failed + suitesFailed;
console.log(`${passed} passed, ${totalFailed} failed`);
process.exit(testStatus === 0 && totalFailed === 0 ? 0 : 1);
