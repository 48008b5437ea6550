using CustomerCare.Complaints;
using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Insights;

/// <summary>Computes the customer-care KPIs of a period from the stores.</summary>
/// <remarks>Reads whole stores through specifications; run it from a report job, not per request. Thread-safe.</remarks>
public sealed class CareKpiService
{
    private readonly IComplaintStore _complaints;
    private readonly ICompensationLedger _compensations;
    private readonly ISurveyStore _surveys;
    private readonly ICustomerStore _customers;
    private readonly IResponseClock _responseClock;

    /// <summary>Creates the service.</summary>
    /// <param name="complaints">The complaint store.</param>
    /// <param name="compensations">The compensation ledger.</param>
    /// <param name="surveys">The survey store.</param>
    /// <param name="customers">The customer store.</param>
    /// <param name="responseClock">Measures response times in business time and knows the targets.</param>
    public CareKpiService(IComplaintStore complaints, ICompensationLedger compensations, ISurveyStore surveys, ICustomerStore customers, IResponseClock responseClock)
    {
        _complaints = complaints ?? throw new ArgumentNullException(nameof(complaints));
        _compensations = compensations ?? throw new ArgumentNullException(nameof(compensations));
        _surveys = surveys ?? throw new ArgumentNullException(nameof(surveys));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _responseClock = responseClock ?? throw new ArgumentNullException(nameof(responseClock));
    }

    /// <summary>Computes the KPIs of a period.</summary>
    /// <param name="period">The period; it must have a start and an end.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The KPIs.</returns>
    /// <exception cref="ArgumentException">The period is open-ended.</exception>
    public async ValueTask<CareKpis> ComputeAsync(Interval period, CancellationToken cancellationToken = default)
    {
        if (!period.HasStart || !period.HasEnd)
        {
            throw new ArgumentException("The KPI period needs a start and an end.", nameof(period));
        }

        var (from, until) = (period.Start, period.End);
        var complaints = await _complaints.ListAsync(new Specification<Complaint>(q => q.Where(c => c.ReceivedAt >= from && c.ReceivedAt < until)), cancellationToken).ConfigureAwait(false);
        var recoveries = await _compensations.ListAsync(from, until, cancellationToken).ConfigureAwait(false);
        var scores = new SurveyScores(_surveys);
        return new CareKpis(
            period,
            complaints.Count,
            Enum.GetValues<ComplaintChannel>().ToDictionary(c => c, c => complaints.Count(x => x.Channel == c)),
            Enum.GetValues<ComplaintCategory>().ToDictionary(c => c, c => complaints.Count(x => x.Category == c)),
            complaints.Count(c => c.IsOpen),
            complaints.Count(c => c.Flags.Length > 0),
            Times(complaints, ResponseMetric.FirstResponse),
            Times(complaints, ResponseMetric.Resolution),
            await scores.CsatAsync(from, until, cancellationToken).ConfigureAwait(false),
            await scores.NpsAsync(from, until, cancellationToken).ConfigureAwait(false),
            new RecoveryCounts(recoveries.Count, recoveries.Count(r => r.WithCoupon)),
            await RepeatPurchaseAsync(cancellationToken).ConfigureAwait(false));
    }

    private ResponseTimes Times(IReadOnlyList<Complaint> complaints, ResponseMetric metric)
    {
        var measured = new List<Duration>();
        int withTarget = 0, met = 0;
        foreach (var complaint in complaints)
        {
            if (_responseClock.Took(complaint, metric) is not { } took)
            {
                continue;
            }

            measured.Add(took);
            if (_responseClock.TargetOf(complaint, metric) is { } target)
            {
                withTarget++;
                met += took <= target ? 1 : 0;
            }
        }

        if (measured.Count == 0)
        {
            return new ResponseTimes(0, null, null, null);
        }

        measured.Sort();
        var median = measured.Count % 2 == 1
            ? measured[measured.Count / 2]
            : Duration.FromNanoseconds((measured[(measured.Count / 2) - 1].ToInt64Nanoseconds() + measured[measured.Count / 2].ToInt64Nanoseconds()) / 2);
        var average = Duration.FromNanoseconds((long)(measured.Sum(d => (decimal)d.ToInt64Nanoseconds()) / measured.Count));
        return new ResponseTimes(measured.Count, median, average, withTarget == 0 ? null : (double)met / withTarget);
    }

    private async ValueTask<RepeatPurchase> RepeatPurchaseAsync(CancellationToken cancellationToken)
    {
        var firstRecovery = new Dictionary<CustomerId, Instant>();
        foreach (var entry in await _compensations.ListAsync(Instant.MinValue, Instant.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            firstRecovery.TryAdd(entry.CustomerId, entry.RecordedAt);
        }

        int recovered = 0, recoveredAgain = 0, others = 0, othersAgain = 0;
        await foreach (var customer in _customers.StreamAsync(new Specification<Customer>(q => q.Where(c => c.Stats.OrderCount > 0)), cancellationToken).ConfigureAwait(false))
        {
            if (firstRecovery.TryGetValue(customer.Id, out var recoveredAt))
            {
                recovered++;
                recoveredAgain += customer.Stats.LastOrderAt > recoveredAt ? 1 : 0;
            }
            else
            {
                others++;
                othersAgain += customer.Stats.OrderCount >= 2 ? 1 : 0;
            }
        }

        return new RepeatPurchase(new RepeatRate(recovered, recoveredAgain), new RepeatRate(others, othersAgain));
    }
}
