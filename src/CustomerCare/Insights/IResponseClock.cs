using CustomerCare.Complaints;
using NodaTime;

namespace CustomerCare.Insights;

/// <summary>Which response a target is for.</summary>
public enum ResponseMetric
{
    /// <summary>The first answer.</summary>
    FirstResponse = 0,

    /// <summary>The resolution.</summary>
    Resolution,
}

/// <summary>Measures a complaint's response times the way its response targets count them: in business time on the channel's calendar.</summary>
public interface IResponseClock
{
    /// <summary>The business time between two instants for a complaint's channel.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="from">The start.</param>
    /// <param name="until">The end.</param>
    /// <returns>The business time; zero when <paramref name="until"/> is not after <paramref name="from"/>.</returns>
    Duration BusinessTimeBetween(Complaint complaint, Instant from, Instant until);

    /// <summary>The complaint's target for a metric, by its channel and priority.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The target, or <see langword="null"/> when the policy sets none.</returns>
    Duration? TargetOf(Complaint complaint, ResponseMetric metric);
}
