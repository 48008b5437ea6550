using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace CustomerCare.Privacy.Audit;

/// <summary>Seals audit records into a SHA-256 hash chain and verifies a chain.</summary>
/// <remarks>
/// <para><b>Canonical encoding</b> (version 1), the bytes hashed for an entry, in order: the ASCII tag <c>CCAUDIT1</c>;
/// the sequence as 8 bytes big-endian; the instant as nanoseconds since the Unix epoch, 8 bytes big-endian; then the kind's
/// name, the actor, the subject and the details, each as its UTF-8 byte count (4 bytes big-endian) followed by the
/// bytes; then the previous hash as 32 raw bytes. The hash is SHA-256 of these bytes, written as 64 lower-case hex
/// digits. Length prefixes make the encoding unambiguous: no two different entries encode to the same bytes.</para>
/// <para>The chain proves that no entry was changed, removed from the middle, inserted or reordered. Removing entries
/// from the end leaves a shorter valid chain: keep the latest hash somewhere else (a report, a ticket) to detect that.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private static readonly byte[] Tag = "CCAUDIT1"u8.ToArray();

    /// <summary>Seals a record as the entry after <paramref name="previousHash"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="sequence">Its sequence number, from 1.</param>
    /// <param name="previousHash">The previous entry's hash, or <see cref="GenesisHash"/>.</param>
    /// <returns>The sealed entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="previousHash"/> is not 64 hex digits.</exception>
    public static AuditEntry Seal(AuditRecord record, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var entry = new AuditEntry(sequence, record.At, record.Actor, record.Kind, record.Subject, record.Details, previousHash, string.Empty);
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>Computes an entry's hash from its canonical encoding; its own <see cref="AuditEntry.Hash"/> is ignored.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's previous hash is not 64 hex digits.</exception>
    public static string ComputeHash(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Encode(entry)));

    /// <summary>The canonical encoding of an entry (see the remarks on the type).</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The bytes that are hashed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's previous hash is not 64 hex digits.</exception>
    public static byte[] Encode(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!IsHash(entry.PreviousHash))
        {
            throw new ArgumentException($"The previous hash '{entry.PreviousHash}' of entry {entry.Sequence} is not 64 hex digits.", nameof(entry));
        }

        using var stream = new MemoryStream(128 + entry.Details.Length);
        stream.Write(Tag);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, entry.Sequence);
        stream.Write(number);
        BinaryPrimitives.WriteInt64BigEndian(number, (entry.At - NodaConstants.UnixEpoch).ToInt64Nanoseconds());
        stream.Write(number);
        WriteText(stream, entry.Kind.ToString());
        WriteText(stream, entry.Actor);
        WriteText(stream, entry.Subject);
        WriteText(stream, entry.Details);
        stream.Write(Convert.FromHexString(entry.PreviousHash));
        return stream.ToArray();
    }

    /// <summary>
    /// Verifies entries read in sequence order: each has the next sequence number, links to the previous entry's hash,
    /// and hashes to its own <see cref="AuditEntry.Hash"/>. Stops at the first break.
    /// </summary>
    /// <param name="entries">The entries, as read from the log.</param>
    /// <param name="firstSequence">The sequence number the first entry must have; 1 for the whole log.</param>
    /// <param name="previousHash">The hash the first entry must link to; <see cref="GenesisHash"/> (the default) for the whole log.</param>
    /// <returns>Valid, or the first broken sequence number and why; <see cref="AuditVerification.LastHash"/> continues into the next page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, long firstSequence = 1, string? previousHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expected = firstSequence;
        var linkTo = previousHash ?? GenesisHash;
        long checkedCount = 0;
        foreach (var entry in entries)
        {
            var reason = Check(entry, expected, linkTo);
            if (reason is not null)
            {
                return new AuditVerification(false, checkedCount, entry is null || entry.Sequence > expected ? expected : entry.Sequence, reason) { LastHash = linkTo, NextSequence = expected };
            }

            checkedCount++;
            expected++;
            linkTo = entry!.Hash;
        }

        return new AuditVerification(true, checkedCount, null, null) { LastHash = linkTo, NextSequence = expected };
    }

    private static string? Check(AuditEntry? entry, long expected, string linkTo)
    {
        if (entry is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"entry {expected} is missing (null)");
        }

        if (entry.Sequence != expected)
        {
            return entry.Sequence > expected
                ? string.Create(CultureInfo.InvariantCulture, $"entry {expected} is missing: the next entry read is {entry.Sequence} (deleted, or read out of order)")
                : string.Create(CultureInfo.InvariantCulture, $"entry {entry.Sequence} appears where entry {expected} was expected (reordered or duplicated)");
        }

        if (!string.Equals(entry.PreviousHash, linkTo, StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"entry {entry.Sequence} links to {Short(entry.PreviousHash)}… but the previous entry's hash is {Short(linkTo)}… (an entry before it was changed, removed or inserted)");
        }

        if (!IsHash(entry.Hash) || !IsHash(entry.PreviousHash))
        {
            return string.Create(CultureInfo.InvariantCulture, $"entry {entry.Sequence} has a malformed hash");
        }

        var actual = ComputeHash(entry);
        return string.Equals(actual, entry.Hash, StringComparison.Ordinal)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"entry {entry.Sequence} was altered: its content hashes to {Short(actual)}…, not to its stored hash {Short(entry.Hash)}…");
    }

    private static bool IsHash(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower);

    private static string Short(string? hash) => hash is null ? "(none)" : hash[..Math.Min(12, hash.Length)];

    private static void WriteText(MemoryStream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
