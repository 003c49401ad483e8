// webpack loads .css as `asset/source`: the import is the file's text.
declare module "*.css" {
  const css: string;
  export default css;
}
