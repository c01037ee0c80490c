// CSS imported from TSX is bundled by esbuild and inlined into dist/Sidebar.html.
declare module '*.css';
