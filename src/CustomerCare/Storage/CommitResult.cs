namespace CustomerCare.Storage;

/// <summary>What <see cref="ICustomerStore.CommitAsync"/> did.</summary>
/// <param name="Outcome">Committed, or why not.</param>
/// <param name="ConflictKey">The identifier that conflicted or was a duplicate, when not committed.</param>
public sealed record CommitResult(CommitOutcome Outcome, string? ConflictKey = null)
{
    /// <summary>The result of a successful commit.</summary>
    public static CommitResult Committed { get; } = new(CommitOutcome.Committed);

    /// <summary>Whether the change set was written.</summary>
    public bool IsCommitted => Outcome == CommitOutcome.Committed;
}

/// <summary>The outcome of a commit.</summary>
public enum CommitOutcome
{
    /// <summary>Everything was written.</summary>
    Committed = 0,

    /// <summary>Nothing was written: an item's stored version differs from the expected one.</summary>
    VersionConflict,

    /// <summary>Nothing was written: an event of the set is already in the ledger.</summary>
    EventAlreadyProcessed,
}
