using System.Collections.Frozen;

namespace CustomerCare.Complaints.Lifecycle;

/// <summary>
/// The allowed moves between <see cref="ComplaintStatus"/> values:
/// <code>
/// New ─► Acknowledged ─► InProgress ⇄ WaitingForCustomer
///  │          │              │               │
///  └──────────┴──────────────┴───────────────┴─► Resolved ─► Closed
///                                               ▲    │          │
///                          Reopened ◄────────────┼────┴──────────┘
///                             └─► InProgress, WaitingForCustomer, Resolved
/// </code>
/// </summary>
public static class ComplaintLifecycle
{
    private static readonly FrozenDictionary<ComplaintStatus, ComplaintStatus[]> Allowed = new Dictionary<ComplaintStatus, ComplaintStatus[]>
    {
        [ComplaintStatus.New] = [ComplaintStatus.Acknowledged, ComplaintStatus.InProgress, ComplaintStatus.WaitingForCustomer, ComplaintStatus.Resolved],
        [ComplaintStatus.Acknowledged] = [ComplaintStatus.InProgress, ComplaintStatus.WaitingForCustomer, ComplaintStatus.Resolved],
        [ComplaintStatus.InProgress] = [ComplaintStatus.WaitingForCustomer, ComplaintStatus.Resolved],
        [ComplaintStatus.WaitingForCustomer] = [ComplaintStatus.InProgress, ComplaintStatus.Resolved],
        [ComplaintStatus.Resolved] = [ComplaintStatus.Closed, ComplaintStatus.Reopened],
        [ComplaintStatus.Closed] = [ComplaintStatus.Reopened],
        [ComplaintStatus.Reopened] = [ComplaintStatus.InProgress, ComplaintStatus.WaitingForCustomer, ComplaintStatus.Resolved],
    }.ToFrozenDictionary();

    /// <summary>The statuses a complaint may move to from a status.</summary>
    /// <param name="from">The current status.</param>
    /// <returns>The allowed next statuses; empty for an undefined value.</returns>
    public static IReadOnlyList<ComplaintStatus> NextFrom(ComplaintStatus from) => Allowed.TryGetValue(from, out var next) ? next : [];

    /// <summary>Whether a move is allowed.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The wanted status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Whether a complaint in a status still waits for the company: not resolved and not closed.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> while open.</returns>
    public static bool IsOpen(ComplaintStatus status) => status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);
}
