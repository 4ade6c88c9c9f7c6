import { Component, type ErrorInfo, Fragment, type ReactNode } from 'react';
import { flushOpenNotes } from '../notes/openNotes';

type Props = {
  /** Changes when the therapist goes somewhere else: the failed screen is tried afresh. */
  resetKey: string;
  children: ReactNode;
};

/** `key`: the screen the state belongs to; `attempt` remounts the screen on "Try again". */
type State = { failed: boolean; key: string; attempt: number };

/**
 * A screen that fails to draw is replaced by a message instead of a blank window
 * (issue 13). The top bar stays, so the therapist can go elsewhere or lock. What a note
 * had not yet saved stays in memory (notes/openNotes.ts keeps a closing note's unsent
 * changes) and goes out when the note opens again; reloading the window saves first.
 * Only the error's name is logged, never its message: it may quote clinical text.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { key: props.resetKey, failed: false };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    console.error(`ScreenErrorBoundary: a screen failed to draw (${error?.name ?? 'unknown'})`);
  }

  private readonly tryAgain = () => this.setState((state) => ({ failed: false, attempt: state.attempt + 1 }));

  private readonly reloadWindow = () => {
    void flushOpenNotes().finally(() => window.location.reload());
  };

  override render() {
    if (!this.state.failed) {
      // A new key after "Try again": the screen starts from scratch.
      return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
    }
    return (
      <section className="screen-failed" aria-labelledby="screen-failed-title">
        <h1 id="screen-failed-title" tabIndex={-1} ref={(heading) => heading?.focus()}>
          This screen could not be shown
        </h1>
        <p>
          Nothing you wrote is lost: notes save as you type, and anything not yet saved is kept and sent again when the
          note opens. You can try the screen again, go to another section above, or reload the window.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={this.tryAgain}>
            Try again
          </button>
          <button type="button" onClick={this.reloadWindow}>
            Reload the window
          </button>
        </div>
      </section>
    );
  }
}
