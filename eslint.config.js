// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", "dist/", "bench/.out/", ".ci/out/", ".scratch/", "**/*.js", "!eslint.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in src/config.ts only." }
      ]
    }
  },
  {
    // Tests, benches and scripts may read the environment (MONGODB_TEST_URI, fixtures dir).
    files: ["src/config.ts", "test/**", "bench/**", "scripts/**", "src/store/embedded/**"],
    rules: { "no-restricted-properties": "off" }
  }
);
