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

/// <summary>Measures a complaint's response times the way its response targets count them: in business time on the channel's calendar, time waiting for the customer excluded.</summary>
public interface IResponseClock
{
    /// <summary>How long a complaint took to reach a metric.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The business time it took, or <see langword="null"/> when the metric was not reached.</returns>
    Duration? Took(Complaint complaint, ResponseMetric metric);

    /// <summary>The complaint's target for a metric, by its channel and priority.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The target, or <see langword="null"/> when the policy sets none.</returns>
    Duration? TargetOf(Complaint complaint, ResponseMetric metric);
}
