using CustomerCare.Complaints;
using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>
/// Response targets per channel × priority × metric, and per channel whether they count business time or elapsed
/// time. Immutable: the <c>With…</c> methods return a new table.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> holds, for <see cref="ComplaintPriority.Normal"/> (first response / next response / resolution):
/// contact form, e-mail and survey follow-ups 8 h / 8 h / 24 h (one business day to answer) and phone 1 h / 4 h / 24 h
/// and live chat 5 min / 15 min / 8 h, all in business hours; Twitter and Facebook 1 h / 2 h / 24 h and complaint sites
/// 8 h / 24 h / 72 h, around the clock.
/// Other priorities scale them by <see cref="DefaultPriorityFactor"/>: urgent × ¼, high × ½, low × 2.
/// </para>
/// <para>Thread-safe, as immutable.</para>
/// </remarks>
public sealed class SlaTargetTable
{
    private const int Priorities = 4;
    private const int Metrics = 3;
    private const int Channels = (int)ComplaintChannel.Survey + 1;

    private readonly Duration?[] _targets;
    private readonly SlaTimeBasis[] _basis;

    private SlaTargetTable(Duration?[] targets, SlaTimeBasis[] basis)
    {
        _targets = targets;
        _basis = basis;
    }

    /// <summary>A table with no targets, every channel on business hours.</summary>
    public static SlaTargetTable Empty { get; } = new(new Duration?[Channels * Priorities * Metrics], new SlaTimeBasis[Channels]);

    /// <summary>The default targets (see the remarks on <see cref="SlaTargetTable"/>).</summary>
    public static SlaTargetTable Default { get; } = BuildDefault(DefaultPriorityFactor);

    /// <summary>The factor a priority's targets get relative to <see cref="ComplaintPriority.Normal"/>: urgent 0.25, high 0.5, normal 1, low 2.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The factor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The priority is not defined.</exception>
    public static double DefaultPriorityFactor(ComplaintPriority priority) => priority switch
    {
        ComplaintPriority.Urgent => 0.25,
        ComplaintPriority.High => 0.5,
        ComplaintPriority.Normal => 1,
        ComplaintPriority.Low => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };

    /// <summary>Whether a channel's targets count business time or elapsed time.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The channel is not defined.</exception>
    public SlaTimeBasis BasisOf(ComplaintChannel channel) => _basis[ChannelIndex(channel)];

    /// <summary>The target for a channel, priority and metric.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The business (or elapsed) time allowed; <see langword="null"/> when there is no target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    public Duration? TargetFor(ComplaintChannel channel, ComplaintPriority priority, SlaMetric metric) => _targets[Index(channel, priority, metric)];

    /// <summary>Sets whether a channel counts business time or elapsed time.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="basis">The basis.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    public SlaTargetTable WithBasis(ComplaintChannel channel, SlaTimeBasis basis)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown basis.");
        }

        var copy = (SlaTimeBasis[])_basis.Clone();
        copy[ChannelIndex(channel)] = basis;
        return new SlaTargetTable(_targets, copy);
    }

    /// <summary>Sets one cell.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="target">The time allowed, positive; <see langword="null"/> for no target.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined, or the target is not positive.</exception>
    public SlaTargetTable WithTarget(ComplaintChannel channel, ComplaintPriority priority, SlaMetric metric, Duration? target)
    {
        if (target <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A target must be positive.");
        }

        var copy = (Duration?[])_targets.Clone();
        copy[Index(channel, priority, metric)] = target;
        return new SlaTargetTable(copy, _basis);
    }

    /// <summary>Sets a metric's target for every priority of a channel: <paramref name="normal"/> scaled by <see cref="DefaultPriorityFactor"/>, rounded to the second.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="normal">The target at normal priority, positive; <see langword="null"/> for no target at any priority.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined, or the target is not positive.</exception>
    public SlaTargetTable WithTargets(ComplaintChannel channel, SlaMetric metric, Duration? normal) =>
        WithTargets(channel, metric, normal, DefaultPriorityFactor);

    internal SlaTargetTable WithTargets(ComplaintChannel channel, SlaMetric metric, Duration? normal, Func<ComplaintPriority, double> factor)
    {
        var table = this;
        foreach (var priority in Enum.GetValues<ComplaintPriority>())
        {
            table = table.WithTarget(channel, priority, metric, normal is { } n ? Scale(n, factor(priority)) : null);
        }

        return table;
    }

    internal static SlaTargetTable BuildDefault(Func<ComplaintPriority, double> factor)
    {
        var table = Empty;
        foreach (var (channel, basis, first, next, resolution) in Defaults())
        {
            table = table.WithBasis(channel, basis)
                .WithTargets(channel, SlaMetric.FirstResponse, first, factor)
                .WithTargets(channel, SlaMetric.NextResponse, next, factor)
                .WithTargets(channel, SlaMetric.Resolution, resolution, factor);
        }

        return table;
    }

    private static IEnumerable<(ComplaintChannel, SlaTimeBasis, Duration, Duration, Duration)> Defaults()
    {
        var business = SlaTimeBasis.BusinessHours;
        var aroundTheClock = SlaTimeBasis.AroundTheClock;
        // "24 h on e-mail" read as one business day: 8 business hours on an 8-hour day.
        yield return (ComplaintChannel.ContactForm, business, Duration.FromHours(8), Duration.FromHours(8), Duration.FromHours(24));
        yield return (ComplaintChannel.Email, business, Duration.FromHours(8), Duration.FromHours(8), Duration.FromHours(24));
        yield return (ComplaintChannel.Phone, business, Duration.FromHours(1), Duration.FromHours(4), Duration.FromHours(24));
        yield return (ComplaintChannel.LiveChat, business, Duration.FromMinutes(5), Duration.FromMinutes(15), Duration.FromHours(8));
        yield return (ComplaintChannel.Twitter, aroundTheClock, Duration.FromHours(1), Duration.FromHours(2), Duration.FromHours(24));
        yield return (ComplaintChannel.Facebook, aroundTheClock, Duration.FromHours(1), Duration.FromHours(2), Duration.FromHours(24));
        yield return (ComplaintChannel.ComplaintSite, aroundTheClock, Duration.FromHours(8), Duration.FromHours(24), Duration.FromHours(72));
        yield return (ComplaintChannel.Survey, business, Duration.FromHours(8), Duration.FromHours(8), Duration.FromHours(24));
    }

    private static Duration Scale(Duration normal, double factor) =>
        Duration.FromSeconds(Math.Max(1, Math.Round(normal.TotalSeconds * factor, MidpointRounding.AwayFromZero)));

    private static int Index(ComplaintChannel channel, ComplaintPriority priority, SlaMetric metric)
    {
        if (!Enum.IsDefined(priority))
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority.");
        }

        if (!Enum.IsDefined(metric))
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric.");
        }

        return (((ChannelIndex(channel) * Priorities) + (int)priority) * Metrics) + (int)metric;
    }

    private static int ChannelIndex(ComplaintChannel channel) =>
        Enum.IsDefined(channel) ? (int)channel : throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel.");
}
