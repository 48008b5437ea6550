using NodaTime;

namespace CustomerCare.Privacy.Audit;

/// <summary>One sealed entry of the append-only audit log: a record, its sequence number, and its link in the hash chain.</summary>
/// <param name="Sequence">Its position, from 1, without gaps.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Kind">What kind of action.</param>
/// <param name="Subject">What it was done to.</param>
/// <param name="Details">What was done, without personal data.</param>
/// <param name="PreviousHash">The previous entry's <see cref="Hash"/>, or <see cref="AuditChain.GenesisHash"/> for the first.</param>
/// <param name="Hash">SHA-256 of this entry's canonical encoding (<see cref="AuditChain.ComputeHash"/>), lower-case hex.</param>
public sealed record AuditEntry(long Sequence, Instant At, string Actor, AuditActionKind Kind, string Subject, string Details, string PreviousHash, string Hash);
