export { parseAiken, parseGift, parseQuestions, toPreview } from './import-preview';
export { writeGift, type GiftWriteResult } from './gift-writer';
