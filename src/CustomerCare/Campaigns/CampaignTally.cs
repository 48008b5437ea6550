using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>Counts what one run of a scheduled campaign did, for its <see cref="CampaignRunResult"/>.</summary>
internal sealed class CampaignTally(string campaignId, Instant now)
{
    private readonly List<CampaignGrant> _issued = [];
    private int _already;

    /// <summary>Customers looked at.</summary>
    public int Considered { get; set; }

    /// <summary>Records the outcome of one issue: a new grant, or <see langword="null"/> when the customer already had it.</summary>
    public void Add(CampaignGrant? grant)
    {
        if (grant is null)
        {
            _already++;
        }
        else
        {
            _issued.Add(grant);
        }
    }

    /// <summary>The run's result.</summary>
    public CampaignRunResult ToResult() => new(campaignId, now, _issued, _already, Considered);
}
