using CustomerCare.Complaints;
using CustomerCare.Complaints.Queries;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.PostgreSql.Tests;

/// <summary>The specifications complaint intake asks on every new complaint read through their indexes (migration 5), not every complaint.</summary>
public sealed class ComplaintQueryPlanTests
{
    private static readonly Instant Since = Instant.FromUtc(2026, 1, 1, 9, 0);

    public static TheoryData<string, string> Plans { get; } = new()
    {
        { "open-assigned", "complaints_assignee" },
        { "author", "complaints_author" },
        { "product", "complaints_product" },
    };

    [SkippableTheory]
    [MemberData(nameof(Plans))]
    public async Task IntakeQuery_ReadsItsIndex_NotTheWholeTable(string query, string index)
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var store = new PostgreSqlComplaintStore(test.Database);

        var (sql, parameters) = store.CandidateQuery(Specifications()[query]);
        var plan = await test.PlanAsync("complaints", sql, parameters);

        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OpenComplaintsCount_ReadsTheAssigneeIndex()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var store = new PostgreSqlComplaintStore(test.Database);

        var plan = await test.PlanAsync("complaints", store.OpenAssignedCountSql, "selin");

        Assert.Contains("complaints_assignee", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnyOtherSpecification_ReadsEveryComplaint()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();

        var (sql, parameters) = new PostgreSqlComplaintStore(test.Database).CandidateQuery(new Specification<Complaint>(q => q.Where(c => c.AssignedTo == "selin")));

        Assert.DoesNotContain("WHERE", sql, StringComparison.Ordinal);
        Assert.Empty(parameters);
    }

    private static Dictionary<string, Specification<Complaint>> Specifications() => new(StringComparer.Ordinal)
    {
        ["open-assigned"] = new OpenComplaintsAssignedToSpecification("selin"),
        ["author"] = new RecentComplaintsByAuthorSpecification(ComplaintChannel.Twitter, "@İSTANBUL", Since),
        ["product"] = new RecentComplaintsAboutProductSpecification("SKU-1", Since),
    };
}
