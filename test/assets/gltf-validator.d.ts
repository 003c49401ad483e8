// Minimal types for the parts of the Khronos validator the asset tests use (the package ships none).
declare module "gltf-validator" {
  export interface ValidatorMessage {
    code: string;
    message: string;
    severity: number;
    pointer?: string;
  }
  export interface ValidatorReport {
    issues: { numErrors: number; numWarnings: number; numInfos: number; numHints: number; messages: ValidatorMessage[] };
  }
  export function validateBytes(data: Uint8Array, options?: Record<string, unknown>): Promise<ValidatorReport>;
  const validator: { validateBytes: typeof validateBytes };
  export default validator;
}
