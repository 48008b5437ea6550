using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Privacy.Consent;

/// <summary>What an erasure does to a consent record, the same in every ledger: its evidence is removed, the rest stays.</summary>
/// <remarks>
/// The evidence (an IP address, a form id, a call note) is replaced whole rather than scanned, since an IP address or
/// a free-text note holds personal data no detector is sure to find; purpose, channel, action, source, time and policy
/// version stay as the record of what was agreed and when. Pure and thread-safe.
/// </remarks>
public static class ConsentErasure
{
    /// <summary>The name of the consent ledger's section in a customer export.</summary>
    public const string Section = "consents";

    /// <summary>What the evidence of an erased customer's records reads.</summary>
    public const string ErasedEvidence = "[erased]";

    /// <summary>The record with its evidence removed, when it has any left.</summary>
    /// <param name="record">The record.</param>
    /// <param name="masked">The record without evidence, or <see langword="null"/> when there is none to remove.</param>
    /// <returns>Whether the evidence changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static bool TryErase(ConsentRecord record, [NotNullWhen(true)] out ConsentRecord? masked)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Evidence is null or ErasedEvidence)
        {
            masked = null;
            return false;
        }

        masked = new ConsentRecord(record.Id, record.CustomerId, record.Purpose, record.Channel, record.Action, record.Source, record.RecordedAt, record.PolicyVersion, ErasedEvidence);
        return true;
    }
}
