using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CustomerCare.Complaints.Queries;
using CustomerCare.Storage;

namespace CustomerCare.Complaints.Assignment;

/// <summary>Picks the team member a new complaint goes to, per channel (seed 000: each channel has its people).</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ComplaintAssigner
{
    private readonly IComplaintStore _complaints;
    private readonly AssignmentOptions _options;
    private readonly ConcurrentDictionary<ComplaintChannel, StrongBox<long>> _turns = new();

    /// <summary>Creates the assigner.</summary>
    /// <param name="complaints">The complaint store, to count open complaints per member.</param>
    /// <param name="options">The teams and the strategy.</param>
    /// <exception cref="FieldValidationException">The teams are malformed.</exception>
    public ComplaintAssigner(IComplaintStore complaints, AssignmentOptions options)
    {
        _complaints = complaints ?? throw new ArgumentNullException(nameof(complaints));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
    }

    /// <summary>Picks a member for a complaint on a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The member, or <see langword="null"/> when the channel has no team.</returns>
    public async ValueTask<string?> PickAsync(ComplaintChannel channel, CancellationToken cancellationToken = default)
    {
        if (!_options.Teams.TryGetValue(channel, out var team) || team.Count == 0)
        {
            return null;
        }

        if (_options.Strategy == AssignmentStrategy.RoundRobin)
        {
            var turn = _turns.GetOrAdd(channel, _ => new StrongBox<long>(-1));
            return team[(int)(Interlocked.Increment(ref turn.Value) % team.Count)];
        }

        string? best = null;
        var fewest = long.MaxValue;
        foreach (var member in team)
        {
            var open = await _complaints.CountAsync(new OpenComplaintsAssignedToSpecification(member), cancellationToken).ConfigureAwait(false);
            if (open < fewest)
            {
                (best, fewest) = (member, open);
            }
        }

        return best;
    }
}
