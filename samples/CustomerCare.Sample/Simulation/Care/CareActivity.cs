namespace CustomerCare.Sample.Simulation.Care;

/// <summary>What the simulated customers and staff did on the care side during a run.</summary>
public sealed class CareActivity
{
    /// <summary>Complaints and feedback the simulated customers sent, fake ones included.</summary>
    public int ComplaintsSent { get; set; }

    /// <summary>Of those, posts from made-up accounts in bursts (seed 000).</summary>
    public int FakePostsSent { get; set; }

    /// <summary>Staff answers recorded.</summary>
    public int Replies { get; set; }

    /// <summary>Surveys sent.</summary>
    public int SurveysSent { get; set; }

    /// <summary>Response-target warnings and breaches the daily escalation sweep raised.</summary>
    public int SlaEscalations { get; set; }

    /// <summary>Surveys answered.</summary>
    public int SurveysAnswered { get; set; }
}
