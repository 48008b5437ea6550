using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Privacy.Audit;
using NodaTime;
using Xunit;

namespace CustomerCare.Tests.Privacy.Audit;

public sealed class AuditChainTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 2, 3, 4, 5);

    [Fact]
    public void Seal_HashesTheDocumentedCanonicalEncoding()
    {
        var entry = AuditChain.Seal(new AuditRecord(At, "staff-1", AuditActionKind.Export, "customer:c-1", "İhracat"), 1, AuditChain.GenesisHash);

        // The oracle: the encoding written out by hand from docs/privacy-audit.md.
        var expected = new List<byte>("CCAUDIT1"u8.ToArray());
        expected.AddRange(BigEndian(1L));
        expected.AddRange(BigEndian((At - NodaConstants.UnixEpoch).ToInt64Nanoseconds()));
        foreach (var text in new[] { "Export", "staff-1", "customer:c-1", "İhracat" })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            expected.AddRange(length);
            expected.AddRange(bytes);
        }

        expected.AddRange(new byte[32]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. expected])), entry.Hash);
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(entry));
    }

    [Fact]
    public void Verify_AnIntactChain_IsValid()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain);

        Assert.True(result.IsValid);
        Assert.Equal(5, result.EntriesChecked);
        Assert.Null(result.BrokenAt);
        Assert.Equal(chain[^1].Hash, result.LastHash);
        Assert.Equal(6, result.NextSequence);
    }

    [Fact]
    public void Verify_ChangedDetails_IsBrokenAtThatEntry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Details = "status Closed -> New" };

        var result = AuditChain.Verify(chain);

        Assert.False(result.IsValid);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ChangedDetailsWithARecomputedHash_IsBrokenAtTheNextEntry()
    {
        var chain = Chain(5);
        var forged = chain[2] with { Details = "forged" };
        chain[2] = forged with { Hash = AuditChain.ComputeHash(forged) };

        var result = AuditChain.Verify(chain);

        Assert.Equal((false, 4L), (result.IsValid, result.BrokenAt));
        Assert.Contains("links to", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ADeletedEntry_IsBrokenAtTheMissingSequence()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var result = AuditChain.Verify(chain);

        Assert.Equal((false, 2L), (result.IsValid, result.BrokenAt));
        Assert.Contains("entry 2 is missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ReorderedEntries_IsBroken()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.Equal((false, 2L), (result.IsValid, result.BrokenAt));
    }

    [Fact]
    public void Verify_EntriesRenumberedAfterADeletion_AreBrokenByTheHashLink()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Sequence = i + 1 };
        }

        var result = AuditChain.Verify(chain);

        Assert.Equal((false, 2L), (result.IsValid, result.BrokenAt));
    }

    [Fact]
    public void Verify_AMiddlePage_ContinuesFromTheGivenHash()
    {
        var chain = Chain(6);

        Assert.True(AuditChain.Verify(chain.Skip(3), 4, chain[2].Hash).IsValid);
        Assert.False(AuditChain.Verify(chain.Skip(3), 4, chain[1].Hash).IsValid);
        Assert.True(AuditChain.Verify([]).IsValid);
    }

    [Fact]
    public void AuditRecord_BlankActorAndUnknownKind_AreRefusedNamingEachField()
    {
        var error = Assert.Throws<FieldValidationException>(() => new AuditRecord(At, " ", (AuditActionKind)99, "complaint:1", "x"));

        Assert.Equal(["actor", "kind"], error.Errors.Select(e => e.Field));
    }

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var entry = AuditChain.Seal(new AuditRecord(At + Duration.FromMinutes(i), "staff", AuditActionKind.ComplaintStaffAction, "complaint:C-" + i, "assigned"), i, previous);
            entries.Add(entry);
            previous = entry.Hash;
        }

        return entries;
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
