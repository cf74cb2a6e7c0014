/**
 * The one link from the editor's plugins back to React. The editor is created once per document and
 * rights, while React's callbacks change on every render: plugins call through this object, whose
 * fields React replaces, so no plugin ever holds a stale callback.
 */
export class ReviewBridge {
  /** A highlight was clicked: open that thread. */
  openThread: (threadId: string) => void = () => {};
  /** The pointer is over a highlight (or left it): preview that thread. */
  hoverThread: (threadId: string | null) => void = () => {};
  /** The comment button of a section heading was pressed. */
  commentOnSection: (sectionId: string) => void = () => {};

  connect(handlers: Pick<ReviewBridge, 'openThread' | 'hoverThread' | 'commentOnSection'>): void {
    this.openThread = handlers.openThread;
    this.hoverThread = handlers.hoverThread;
    this.commentOnSection = handlers.commentOnSection;
  }
}
