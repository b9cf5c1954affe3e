import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorScreen } from './ErrorScreen.js';

interface State {
  error: Error | null;
  componentStack: string | undefined;
}

/** Catches render errors below it and shows them instead of a white screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, componentStack: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The app stopped rendering:', error);
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorScreen error={this.state.error} componentStack={this.state.componentStack} />;
    return this.props.children;
  }
}
