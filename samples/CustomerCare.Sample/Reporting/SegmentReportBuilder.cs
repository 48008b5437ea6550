using CustomerCare.Customers;
using CustomerCare.Sample.Simulation;
using CustomerCare.Segments;
using CustomerCare.Segments.Membership;
using CustomerCare.Segments.Rules;
using CustomerCare.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>
/// Builds what <c>segments</c> and <c>rfm</c> show, through the library's <see cref="SegmentService"/>: the catalog's
/// segments, an ad-hoc rule, and the RFM cut points with the counts per RFM segment and lifecycle stage.
/// </summary>
/// <remarks>
/// Every figure comes from one <see cref="Segments.Evaluation.CustomerTable"/> as of the clock's instant, so sizes,
/// shares and RFM counts describe the same population. Thread-safe, like the service it reads.
/// </remarks>
public sealed class SegmentReportBuilder
{
    /// <summary>How many members <c>segments --rule</c> lists.</summary>
    public const int RuleMembersShown = 10;

    private readonly SegmentService _segments;
    private readonly ISegmentMembershipStore _membership;
    private readonly Currency _currency;

    /// <summary>Creates a builder.</summary>
    /// <param name="segments">The library's segment service.</param>
    /// <param name="membership">The membership history, asked when each segment was last evaluated.</param>
    /// <param name="options">The library options, for the store currency.</param>
    public SegmentReportBuilder(SegmentService segments, ISegmentMembershipStore membership, IOptions<CustomerCareOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _segments = segments ?? throw new ArgumentNullException(nameof(segments));
        _membership = membership ?? throw new ArgumentNullException(nameof(membership));
        _currency = Currency.FromCode(options.Value.Currency);
    }

    /// <summary>The probabilities of the RFM cut points: the library scores by quintiles.</summary>
    public static IReadOnlyList<decimal> Quintiles { get; } = [0.2m, 0.4m, 0.6m, 0.8m];

    /// <summary>Evaluates every segment (recording membership, so the next evaluation reports changes since this one).</summary>
    /// <param name="simulated">The simulation run first, if any, to show in the report.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The report.</returns>
    public async Task<SegmentsReport> EvaluateAllAsync(SimulationSettings? simulated, CancellationToken cancellationToken = default)
    {
        var previous = new Dictionary<string, Instant?>(StringComparer.Ordinal);
        foreach (var segment in _segments.Segments)
        {
            previous[segment.Name] = await _membership.LastEvaluatedAsync(segment.Name, cancellationToken).ConfigureAwait(false);
        }

        var run = await _segments.EvaluateAllAsync(cancellationToken).ConfigureAwait(false);
        var customers = run.Table.Count;
        return new SegmentsReport(
            run.AsOf,
            customers,
            simulated,
            [.. run.Results.Select(r => new SegmentSize(
                r.Segment.Name,
                r.Segment.Description,
                r.Segment.Rule.Text,
                r.Members.Count,
                Rate(r.Members.Count, customers),
                r.Changes.Count(c => c.Kind == SegmentChangeKind.Entered),
                r.Changes.Count(c => c.Kind == SegmentChangeKind.Left),
                previous.GetValueOrDefault(r.Segment.Name)))]);
    }

    /// <summary>Evaluates an ad-hoc rule without recording anything.</summary>
    /// <param name="rule">The rule text.</param>
    /// <param name="simulated">The simulation run first, if any, to show in the report.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SegmentRuleException">The rule is invalid.</exception>
    public async Task<RuleReport> EvaluateRuleAsync(string rule, SimulationSettings? simulated, CancellationToken cancellationToken = default)
    {
        var canonical = SegmentRule.Parse(rule).Text;
        var members = await _segments.EvaluateRuleAsync(rule, cancellationToken).ConfigureAwait(false);
        var table = members.Table;
        var first = members.Indexes()
            .Select(i => table.Customers[i])
            .OrderBy(c => c.Id)
            .Take(RuleMembersShown)
            .Select(c => new RuleMember(c.Id.Value, c.Name.FullName, c.City));
        return new RuleReport(table.AsOf, table.Count, simulated, rule, canonical, members.Count, Rate(members.Count, table.Count), [.. first]);
    }

    /// <summary>Scores every customer and counts them per RFM segment and lifecycle stage.</summary>
    /// <param name="simulated">The simulation run first, if any, to show in the report.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    public async Task<RfmReport> RfmAsync(SimulationSettings? simulated, CancellationToken cancellationToken = default)
    {
        var table = await _segments.LoadTableAsync(cancellationToken).ConfigureAwait(false);
        var segments = new OrderedDictionary<string, int>(SegmentNames.RfmOrder.Select(s => KeyValuePair.Create(SegmentNames.Of(s), 0)));
        var lifecycle = new OrderedDictionary<string, int>(SegmentNames.LifecycleOrder.Select(s => KeyValuePair.Create(SegmentNames.Of(s), 0)));
        for (var i = 0; i < table.Count; i++)
        {
            segments[SegmentNames.Of(table.RfmOf(i).Segment)]++;
            lifecycle[SegmentNames.Of(table.LifecycleOf(i))]++;
        }

        var cuts = table.RfmCutPoints;
        var figures = new RfmCutPointFigures(
            SegmentNames.Of(cuts.Method),
            cuts.Population,
            Quintiles,
            cuts.RecencyDays,
            cuts.Frequency,
            [.. cuts.Monetary.Select(Round)]);
        return new RfmReport(table.AsOf, table.Count, simulated, _currency.Code, figures, segments, lifecycle);
    }

    private decimal Round(decimal amount) => Math.Round(amount, _currency.MinorUnits, MidpointRounding.AwayFromZero);

    private static decimal Rate(int part, int whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
