using CustomerCare.Complaints;
using System.Text;
using System.Text.RegularExpressions;
using CustomerCare.Policy.Calendar;
using CustomerCare.Policy.Sla;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace CustomerCare.Tests.Policy;

public sealed partial class BusinessCalendarDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "business-calendar.md"));

    [Fact]
    public void JsonExamples_BindAndBuild_WithTheValuesTheDocDescribes()
    {
        var blocks = JsonBlock().Matches(Doc).Select(m => m.Groups["json"].Value).ToList();
        var configuration = new ConfigurationBuilder();
        foreach (var block in blocks)
        {
            configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(block)));
        }

        var root = configuration.Build();

        var calendar = BusinessCalendar.FromOptions(root.GetSection("Calendar").Get<BusinessCalendarOptions>()!);
        var policy = SlaPolicy.FromOptions(root.GetSection("Sla").Get<SlaPolicyOptions>()!, calendar);

        Assert.Equal(2, blocks.Count);
        Assert.Equal(("support", 11), (calendar.Id, calendar.Hours.Count));
        Assert.Equal(Duration.FromHours(8), policy.Targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse));
        Assert.Equal(Duration.FromHours(1), policy.Targets.TargetFor(ComplaintChannel.Email, ComplaintPriority.Urgent, SlaMetric.FirstResponse));
        Assert.Null(policy.Targets.TargetFor(ComplaintChannel.Twitter, ComplaintPriority.Normal, SlaMetric.NextResponse));
    }

    [Fact]
    public void DefaultTargetsTable_ListsTheDefaultsAtNormalPriority()
    {
        var table = SlaTargetTable.Default;
        string Cell(ComplaintChannel channel, SlaMetric metric) =>
            table.TargetFor(channel, ComplaintPriority.Normal, metric) is { } d && d < Duration.FromHours(1) ? FormattableString.Invariant($"{d.TotalMinutes:0} min") : FormattableString.Invariant($"{table.TargetFor(channel, ComplaintPriority.Normal, metric)!.Value.TotalHours:0} h");

        foreach (var channel in Enum.GetValues<ComplaintChannel>())
        {
            var basis = table.BasisOf(channel) == SlaTimeBasis.BusinessHours ? "business hours" : "around the clock";
            var cells = $"| {basis} | {Cell(channel, SlaMetric.FirstResponse)} | {Cell(channel, SlaMetric.NextResponse)} | {Cell(channel, SlaMetric.Resolution)} |";

            Assert.Contains(cells, Doc, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
