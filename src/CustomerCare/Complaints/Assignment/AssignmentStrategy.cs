namespace CustomerCare.Complaints.Assignment;

/// <summary>How a new complaint picks a team member of its channel's team.</summary>
public enum AssignmentStrategy
{
    /// <summary>Each member in turn, per channel. The turn is kept in process memory: several app instances each keep their own.</summary>
    RoundRobin = 0,

    /// <summary>The member with the fewest open complaints, by the store; ties go to the member listed first.</summary>
    LeastLoaded,
}
