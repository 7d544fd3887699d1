/**
 * Small in-memory issues for the language-feature tests: short pages written for the tests,
 * and the real sample page placed in an issue with pages written to meet its jump lines.
 */
import { readFileSync } from 'node:fs';
import { GalleyLanguageService } from '../../../server/src/languageService';

export const SAMPLE_000 = readFileSync('samples/000_2600d985db85e4f0.news.txt', 'utf8');
export const SAMPLE_004 = readFileSync('samples/004_f2a9e54971a23ea8.news.txt', 'utf8');
export const SAMPLE_000_URI = 'file:///samples/000_2600d985db85e4f0.news.txt';
export const SAMPLE_004_URI = 'file:///samples/004_f2a9e54971a23ea8.news.txt';

/** Page 1: a story that jumps to page 4, a photo it refers to, a second story, a teaser that lost its page. */
export const PAGE_1 = [
  '全市经济工作会议召开', // 0
  '',
  '本报讯（记者 张三） 6月18日，市政府召开全市经济工作会议（图①），部署下半', // 2
  '年重点任务。会议强调，要稳住经济基本盘，抓好项目建设，全力以赴完成', // 3
  '全年目标任务。（下转4版）', // 4
  '',
  '图①与会代表认真听取报告。 记者 李四 摄', // 6
  '',
  '夏粮收购工作有序推进', // 8
  '',
  '本报讯 近日，我市夏粮收购工作全面展开，各收购点秩序井然，', // 10
  '农民售粮积极性高。截至目前，全市已收购小麦 2.5 万吨。', // 11
  '',
  '端午假期文旅市场火热（见 版）', // 13
].join('\n');

/** Page 4: the continuation of page 1's story, then the story page 1's teaser names. */
export const PAGE_4 = [
  '全市经济工作会议召开', // 0
  '',
  '（上接1版）会议要求，各级各部门要压实责任，细化措施，确保各项', // 2
  '任务落到实处。会议还对安全生产、防汛抗旱等工作作了安排。', // 3
  '',
  '端午假期文旅市场火热', // 5
  '',
  '本报讯（记者 王五） 端午假期，我市各景区游人如织，文旅市场', // 7
  '持续升温，全市共接待游客 35.6 万人次。', // 8
].join('\n');

/** Page 2: a teaser pointing to page 4, and a story that jumps to page 3, which has no `上接`. */
export const PAGE_2 = [
  '要闻导读', // 0
  '',
  '端午假期文旅市场火热（见4版）', // 2
  '',
  '农村公路建设提速', // 4
  '',
  '本报讯 今年以来，我市新建改建农村公路 320 公里，', // 6
  '完成投资 4.6 亿元。（下转3版）', // 7
].join('\n');

/** Page 3: stories only; nothing continues from page 2. */
export const PAGE_3 = [
  '城区供暖管网改造启动', // 0
  '',
  '本报讯 近日，我市城区供暖管网改造工程正式启动，', // 2
  '计划改造管网 45 公里。', // 3
].join('\n');

export const uri = (n: string, folder = 'issue'): string => `file:///${folder}/${n}.news`;

/** A service holding the pages 01, 02, 03 and 04 of one issue (or the ones named). */
export function issueService(pages: Record<string, string> = { '01': PAGE_1, '02': PAGE_2, '03': PAGE_3, '04': PAGE_4 }, folder = 'issue'): GalleyLanguageService {
  const service = new GalleyLanguageService();
  for (const [n, text] of Object.entries(pages)) service.pages.set(uri(n, folder), text);
  return service;
}

/** Page 4 of an issue whose page 1 is the real sample 000: it answers `（下转4版）` and holds the story the teaser names. */
export const SAMPLE_ISSUE_PAGE_4 = [
  '以人民为中心 让老百姓过上幸福生活', // 0
  '',
  '（上接1版）对符合条件的及时给予救助，做到应保尽保、应兜尽兜，', // 2
  '守住民生底线。', // 3
  '',
  '关于严明端午节期间各项纪律的通告', // 5
  '',
  '本报讯 各级党组织要严格落实中央八项规定精神，端午节期间严禁公款', // 7
  '吃喝、公款旅游，严禁违规收送节礼。', // 8
].join('\n');

/** The sample page as page 1 of an issue with pages 2 and 4. */
export function sampleIssueService(): GalleyLanguageService {
  return issueService({ '01': SAMPLE_000, '02': PAGE_3, '04': SAMPLE_ISSUE_PAGE_4 }, 'sample-issue');
}

/** The service with both sample pages on their own (their file names carry no page id). */
export function samplesService(): GalleyLanguageService {
  const service = new GalleyLanguageService();
  service.pages.set(SAMPLE_000_URI, SAMPLE_000);
  service.pages.set(SAMPLE_004_URI, SAMPLE_004);
  return service;
}

/** A 0-based position from a 1-based line number, as the samples are cited. */
export const at = (line1: number, character: number) => ({ line: line1 - 1, character });
