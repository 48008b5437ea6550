using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>
/// Response targets per channel × priority × metric, and per channel whether they count business time or elapsed
/// time. Immutable: the <c>With…</c> methods return a new table.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> holds, for <see cref="SlaPriority.Normal"/> (first response / next response / resolution):
/// contact form and e-mail 24 h / 24 h / 72 h and phone 1 h / 4 h / 24 h and live chat 5 min / 15 min / 8 h, all in
/// business hours; Twitter and Facebook 1 h / 2 h / 24 h and complaint sites 8 h / 24 h / 72 h, around the clock.
/// Other priorities scale them by <see cref="DefaultPriorityFactor"/>: urgent × ¼, high × ½, low × 2.
/// </para>
/// <para>Thread-safe, as immutable.</para>
/// </remarks>
public sealed class SlaTargetTable
{
    private const int Priorities = 4;
    private const int Metrics = 3;
    private const int Channels = 7;

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

    /// <summary>The factor a priority's targets get relative to <see cref="SlaPriority.Normal"/>: urgent 0.25, high 0.5, normal 1, low 2.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The factor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The priority is not defined.</exception>
    public static double DefaultPriorityFactor(SlaPriority priority) => priority switch
    {
        SlaPriority.Urgent => 0.25,
        SlaPriority.High => 0.5,
        SlaPriority.Normal => 1,
        SlaPriority.Low => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };

    /// <summary>Whether a channel's targets count business time or elapsed time.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The channel is not defined.</exception>
    public SlaTimeBasis BasisOf(SlaChannel channel) => _basis[ChannelIndex(channel)];

    /// <summary>The target for a channel, priority and metric.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The business (or elapsed) time allowed; <see langword="null"/> when there is no target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    public Duration? TargetFor(SlaChannel channel, SlaPriority priority, SlaMetric metric) => _targets[Index(channel, priority, metric)];

    /// <summary>Sets whether a channel counts business time or elapsed time.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="basis">The basis.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    public SlaTargetTable WithBasis(SlaChannel channel, SlaTimeBasis basis)
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
    public SlaTargetTable WithTarget(SlaChannel channel, SlaPriority priority, SlaMetric metric, Duration? target)
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
    public SlaTargetTable WithTargets(SlaChannel channel, SlaMetric metric, Duration? normal) =>
        WithTargets(channel, metric, normal, DefaultPriorityFactor);

    internal SlaTargetTable WithTargets(SlaChannel channel, SlaMetric metric, Duration? normal, Func<SlaPriority, double> factor)
    {
        var table = this;
        foreach (var priority in Enum.GetValues<SlaPriority>())
        {
            table = table.WithTarget(channel, priority, metric, normal is { } n ? Scale(n, factor(priority)) : null);
        }

        return table;
    }

    internal static SlaTargetTable BuildDefault(Func<SlaPriority, double> factor)
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

    private static IEnumerable<(SlaChannel, SlaTimeBasis, Duration, Duration, Duration)> Defaults()
    {
        var business = SlaTimeBasis.BusinessHours;
        var aroundTheClock = SlaTimeBasis.AroundTheClock;
        yield return (SlaChannel.ContactForm, business, Duration.FromHours(24), Duration.FromHours(24), Duration.FromHours(72));
        yield return (SlaChannel.Email, business, Duration.FromHours(24), Duration.FromHours(24), Duration.FromHours(72));
        yield return (SlaChannel.Phone, business, Duration.FromHours(1), Duration.FromHours(4), Duration.FromHours(24));
        yield return (SlaChannel.LiveChat, business, Duration.FromMinutes(5), Duration.FromMinutes(15), Duration.FromHours(8));
        yield return (SlaChannel.Twitter, aroundTheClock, Duration.FromHours(1), Duration.FromHours(2), Duration.FromHours(24));
        yield return (SlaChannel.Facebook, aroundTheClock, Duration.FromHours(1), Duration.FromHours(2), Duration.FromHours(24));
        yield return (SlaChannel.ComplaintSite, aroundTheClock, Duration.FromHours(8), Duration.FromHours(24), Duration.FromHours(72));
    }

    private static Duration Scale(Duration normal, double factor) =>
        Duration.FromSeconds(Math.Max(1, Math.Round(normal.TotalSeconds * factor, MidpointRounding.AwayFromZero)));

    private static int Index(SlaChannel channel, SlaPriority priority, SlaMetric metric)
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

    private static int ChannelIndex(SlaChannel channel) =>
        Enum.IsDefined(channel) ? (int)channel : throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel.");
}
