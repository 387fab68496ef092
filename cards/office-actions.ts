/**
 * Action names (`ActionValue.a`) of the 督查室's cards: the issue form and its preview, the
 * review and extension decision cards, and the list. Distinct from the enterprise's
 * (cards/notice-actions.ts, cards/form-card.ts) so one registry holds both.
 */
export const officeActions = {
  /** The 新建督办 form's 预览 button. */
  previewIssue: 'previewIssue',
  /** 确认交办 on a preview; carries the draft id as `d`. */
  confirmIssue: 'confirmIssue',
  /** 修改 on a preview: the form again, filled in. */
  editIssue: 'editIssue',
  /** 取消 on a preview or the empty form. */
  cancelIssue: 'cancelIssue',
  /** 通过办结 / 退回重办 / 认定敷衍 on the review card; `r` is its round, the choice `d`. */
  review: 'reviewDecision',
  /** 归档 on the review card of a completed matter; `r` is the card's round. */
  archive: 'officeArchive',
  /** 批准 / 不批准 on the extension decision card; `s` is the request's seq, `d` the choice. */
  decideExtension: 'extensionDecision',
  /** The list's filter and paging buttons (`f` filter, `p` zero-based page). */
  list: 'officeList',
  /** 查看 on a list row: the assignment with its timeline. */
  view: 'officeView',
} as const;

/** The review card's three decisions, as `d` carries them. */
export type ReviewChoice = 'complete' | 'return' | 'perfunctory';

/** The extension decision card's two decisions. */
export type ExtensionChoice = 'approve' | 'reject';
