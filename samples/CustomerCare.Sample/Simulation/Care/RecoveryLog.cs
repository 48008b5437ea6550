using CustomerCare.Policy.Compensation;

namespace CustomerCare.Sample.Simulation.Care;

/// <summary>Collects the library's new service recoveries, so the simulated customers can react to them (some complain, surveys score lower).</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RecoveryLog : IServiceRecoveryObserver
{
    private readonly Lock _lock = new();
    private readonly List<RecoveryResult> _pending = [];
    private readonly HashSet<string> _subjects = new(StringComparer.Ordinal);

    /// <summary>Remembers a new recovery.</summary>
    /// <param name="recovery">The recovery.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public ValueTask OnRecoveredAsync(RecoveryResult recovery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        lock (_lock)
        {
            _pending.Add(recovery);
            _subjects.Add(recovery.Promise.Subject);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Takes the recoveries recorded since the last call, in the order they happened.</summary>
    /// <returns>The recoveries.</returns>
    public IReadOnlyList<RecoveryResult> TakeNew()
    {
        lock (_lock)
        {
            var taken = _pending.ToArray();
            _pending.Clear();
            return taken;
        }
    }

    /// <summary>Whether a promise was ever broken on a subject, such as <c>order:O42-000017</c>.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns><see langword="true"/> when a recovery was recorded for it.</returns>
    public bool WasBroken(string subject)
    {
        lock (_lock)
        {
            return _subjects.Contains(subject);
        }
    }
}
