// The evaluation screens (issue 9).
export {};
