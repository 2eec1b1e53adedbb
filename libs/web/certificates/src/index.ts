// The certificates screens (issue 9).
export {};
