using CustomerCare.Complaints;
using CustomerCare.Complaints.Queries;
using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Queries;

/// <summary>The specifications complaint intake asks on every new complaint read through their indexes, not every complaint.</summary>
public sealed class ComplaintQueryTests
{
    private static readonly Instant Since = Instant.FromUtc(2026, 1, 1, 9, 0);

    public static TheoryData<string, string> Plans { get; } = new()
    {
        { "open-assigned", "complaints_assignee" },
        { "author", "complaints_author" },
        { "product", "complaints_product" },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task IntakeQuery_ReadsItsIndex_NotTheWholeTable(string query, string index)
    {
        await using var temp = new TempDatabase();
        var (where, bind) = SqliteComplaintStore.Narrowing(Specifications()[query]);
        var plan = await QueryPlan.StepsAsync(temp, "complaints", where, bind);

        Assert.Contains(plan, step => step.Contains($"INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN complaints", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenComplaintsCount_IsAnsweredByTheIndexAlone()
    {
        await using var temp = new TempDatabase();
        var (where, bind) = SqliteComplaintStore.Narrowing(Specifications()["open-assigned"]);
        var plan = await QueryPlan.StepsOfAsync(temp, SqliteComplaintStore.CountSql(where), bind);

        Assert.Contains(plan, step => step.Contains("COVERING INDEX complaints_assignee", StringComparison.Ordinal));
    }

    [Fact]
    public void AnyOtherSpecification_ReadsEveryComplaint()
    {
        var (where, _) = SqliteComplaintStore.Narrowing(new Specification<Complaint>(q => q.Where(c => c.AssignedTo == "selin")));

        Assert.Equal("1", where);
    }

    private static Dictionary<string, Specification<Complaint>> Specifications() => new(StringComparer.Ordinal)
    {
        ["open-assigned"] = new OpenComplaintsAssignedToSpecification("selin"),
        ["author"] = new RecentComplaintsByAuthorSpecification(ComplaintChannel.Twitter, "@İSTANBUL", Since),
        ["product"] = new RecentComplaintsAboutProductSpecification("SKU-1", Since),
    };
}
