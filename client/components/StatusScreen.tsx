/** A whole-page message for the moments before there is anything else to show. */
export function StatusScreen({ message, action, alert = false }: { message: string; action?: { label: string; onClick: () => void }; alert?: boolean }) {
  return (
    <main className="status-screen" id="main" tabIndex={-1}>
      <p className="brand brand--dark">Accord</p>
      <p role={alert ? 'alert' : 'status'}>{message}</p>
      {action && (
        <button type="button" className="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </main>
  );
}
