import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The architecture's dependency rule, proven against the real lint setup: a probe file is
 * written into a project, linted with the workspace's eslint.config.mjs, and removed.
 */
const root = resolve(__dirname, '../..');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');

const BOUNDARY_RULES = ['@nx/enforce-module-boundaries', 'no-restricted-imports'];

interface LintResult {
  messages: { ruleId: string | null; message: string }[];
}

function lintProbe(projectDir: string, source: string): string[] {
  const file = join(root, projectDir, `__boundary_probe_${process.pid}.ts`);
  writeFileSync(file, source);
  try {
    const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', file], { cwd: root, encoding: 'utf8' });
    if (!run.stdout) throw new Error(`eslint did not run: ${run.stderr}`);
    const [result] = JSON.parse(run.stdout) as LintResult[];
    return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.includes(m.ruleId)).map((m) => m.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module boundaries', () => {
  it('fail lint when libs/domain imports API code', () => {
    const messages = lintProbe(
      'libs/domain/src',
      `import { loadConfig } from '../../../apps/api/src/config/app-config';\nexport const probe = loadConfig;\n`,
    );
    expect(messages.join('\n')).toMatch(/relative or absolute path|cannot be imported|depend/i);
  });

  it('fail lint when a pure library imports a framework', () => {
    const messages = lintProbe('libs/domain/src', `import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n`);
    expect(messages.join('\n')).toContain('"type:domain" is not allowed to import "@nestjs/common"');
    const contracts = lintProbe('libs/contracts/src', `import { useState } from 'react';\nexport const probe = useState;\n`);
    expect(contracts.join('\n')).toMatch(/react/);
  });

  it('fail lint when domain imports contracts (domain depends on nothing)', () => {
    const messages = lintProbe('libs/domain/src', `import { ERROR_MESSAGES } from '@govdesk/contracts';\nexport const probe = ERROR_MESSAGES;\n`);
    expect(messages.length).toBeGreaterThan(0);
  });

  it('fail lint when one app imports another', () => {
    const messages = lintProbe('apps/console/src', `import { loadConfig } from '../../api/src/config/app-config';\nexport const probe = loadConfig;\n`);
    expect(messages.join('\n')).toContain('apps never import each other');
    const reverse = lintProbe('apps/api/src', `import { App } from '../../console/src/App';\nexport const probe = App;\n`);
    expect(reverse.join('\n')).toContain('apps never import each other');
  });

  it('pass for the allowed direction: the API importing the libraries', () => {
    const messages = lintProbe(
      'apps/api/src',
      `import { ROLES } from '@govdesk/domain';\nimport { ERROR_MESSAGES } from '@govdesk/contracts';\nexport const probe = [ROLES, ERROR_MESSAGES];\n`,
    );
    expect(messages).toEqual([]);
  });
});
