using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Complaints.Queries;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Complaints.Suspicion;

/// <summary>
/// Flags complaints that look like a competitor's fake accounts (seed 000): an author nobody knows, a burst from one
/// author or about one product, a brand-new account. Flags are for staff to look at; nothing is rejected.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SuspicionDetector
{
    private readonly IComplaintStore _complaints;
    private readonly SuspicionOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="complaints">The complaint store, to count bursts.</param>
    /// <param name="options">The thresholds.</param>
    /// <exception cref="FieldValidationException">A threshold is out of range.</exception>
    public SuspicionDetector(IComplaintStore complaints, SuspicionOptions options)
    {
        _complaints = complaints ?? throw new ArgumentNullException(nameof(complaints));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
    }

    /// <summary>The flags of a complaint about to be stored.</summary>
    /// <param name="complaint">The complaint, not yet stored.</param>
    /// <param name="customer">The matched customer, if any.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The flags; empty when nothing looks wrong.</returns>
    public async ValueTask<IReadOnlyList<SuspicionFlag>> DetectAsync(Complaint complaint, Customer? customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var flags = new List<SuspicionFlag>();
        if (complaint.Match.Reason == MatchReason.None)
        {
            flags.Add(new SuspicionFlag(SuspicionReason.UnknownAuthor, complaint.OrderId is { } order
                ? $"the author matches no customer, and order {order} does not exist"
                : "the author matches no customer and names no order"));
        }

        var since = complaint.ReceivedAt - _options.BurstWindow;
        var window = Window();
        if (complaint.AuthorHandle is { } author)
        {
            var channel = complaint.Channel;
            var count = 1 + await _complaints.CountAsync(new RecentComplaintsByAuthorSpecification(channel, author, since), cancellationToken).ConfigureAwait(false);
            if (count >= _options.AuthorBurstCount)
            {
                flags.Add(new SuspicionFlag(SuspicionReason.AuthorBurst, string.Create(CultureInfo.InvariantCulture, $"{count} complaints from this author on {channel} within {window}")));
            }
        }

        if (complaint.ProductId is { } product)
        {
            var count = 1 + await _complaints.CountAsync(new RecentComplaintsAboutProductSpecification(product, since), cancellationToken).ConfigureAwait(false);
            if (count >= _options.ProductBurstCount)
            {
                flags.Add(new SuspicionFlag(SuspicionReason.ProductBurst, string.Create(CultureInfo.InvariantCulture, $"{count} complaints about product {product} within {window}")));
            }
        }

        if (customer is not null && complaint.ReceivedAt - customer.SignedUpAt < _options.NewAccountAge)
        {
            flags.Add(new SuspicionFlag(SuspicionReason.NewAccount, string.Create(CultureInfo.InvariantCulture, $"the account was opened {Hours(complaint.ReceivedAt - customer.SignedUpAt)} before the complaint")));
        }

        return flags;
    }

    private string Window() => Hours(_options.BurstWindow);

    private static string Hours(Duration duration) =>
        duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(duration.TotalHours):0} h")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, Math.Floor(duration.TotalMinutes)):0} min");
}
