namespace CustomerCare.Privacy.Audit;

/// <summary>What <see cref="AuditChain.Verify"/> found.</summary>
/// <param name="IsValid">Whether every entry checked is intact and in place.</param>
/// <param name="EntriesChecked">How many entries were checked before it stopped.</param>
/// <param name="BrokenAt">The sequence number of the first entry that breaks the chain (the expected one, for a gap), or <see langword="null"/>.</param>
/// <param name="Reason">Why it is broken, in words, or <see langword="null"/>.</param>
public sealed record AuditVerification(bool IsValid, long EntriesChecked, long? BrokenAt, string? Reason)
{
    /// <summary>The hash of the last entry checked, to verify the next page from (<see cref="AuditChain.Verify"/>), or the starting hash when none was.</summary>
    public string LastHash { get; init; } = AuditChain.GenesisHash;

    /// <summary>The sequence number the next entry must have.</summary>
    public long NextSequence { get; init; } = 1;
}
