// Types for the part of electronegativity's programmatic API the scan test uses (the package ships none).
declare module '@doyensec/electronegativity' {
  interface ElectronegativityIssue {
    id: string;
    file: string;
    location: { line: number; column: number };
    manualReview: boolean;
    description: string;
  }
  interface ElectronegativityResult {
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: ElectronegativityIssue[];
  }
  const run: (options: {
    input: string;
    excludeFromScan?: string[];
    customScan?: string[];
    electronVersionOverride?: string;
  }) => Promise<ElectronegativityResult>;
  export default run;
}
