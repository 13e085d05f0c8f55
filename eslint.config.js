// Lint: typescript-eslint's recommended rules and a 120-character line limit. Layout
// itself is dprint's (`npm run fmt`); `npm run lint` checks both.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['out/', 'src/language/generated/', '.bench/', 'node_modules/', 'test-results/', 'coverage/'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        plugins: { '@stylistic': stylistic },
        languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
        rules: {
            '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    // Test models are written as one string each; a literal may pass the line limit.
    {
        files: ['test/**'],
        rules: { '@stylistic/max-len': ['error', { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true }] },
    },
    { files: ['bench/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
    { files: ['test/fixtures/*.js', 'src/webview/**'], languageOptions: { globals: globals.browser } },
);
