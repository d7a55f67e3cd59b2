// The generated word lists (server/data/*.txt) are bundled into dist/ as text by esbuild.
declare module '*.txt' {
  const text: string;
  export default text;
}
