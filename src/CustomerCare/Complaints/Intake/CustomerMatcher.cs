using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Storage;

namespace CustomerCare.Complaints.Intake;

/// <summary>
/// Finds the customer behind a complaint: by customer id, then e-mail (case-insensitively), then phone, then order
/// number, and records which rule matched. A complaint that matches nobody is kept, and flagged for staff.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class CustomerMatcher(ICustomerStore customers)
{
    public async ValueTask<(CustomerMatch Match, Customer? Customer)> MatchAsync(ValidSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CustomerId is { } id && await customers.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } byId)
        {
            return (new CustomerMatch(byId.Id, MatchReason.CustomerId), byId);
        }

        // Mail systems treat the local part case-insensitively in practice, and customers type it as they please.
        if (submission.Email is { } email && email.Value is var address
            && await FirstAsync(new CustomerByEmailSpecification(email), cancellationToken).ConfigureAwait(false) is { } byEmail)
        {
            return (new CustomerMatch(byEmail.Id, MatchReason.Email), byEmail);
        }

        if (submission.Phone is { } phone && await FirstAsync(new CustomerByPhoneSpecification(phone), cancellationToken).ConfigureAwait(false) is { } byPhone)
        {
            return (new CustomerMatch(byPhone.Id, MatchReason.Phone), byPhone);
        }

        if (submission.OrderId is { } orderId && await customers.FindOrderAsync(orderId, cancellationToken).ConfigureAwait(false) is { } order)
        {
            return (new CustomerMatch(order.CustomerId, MatchReason.OrderNumber), await customers.FindAsync(order.CustomerId, cancellationToken).ConfigureAwait(false));
        }

        return (CustomerMatch.Unmatched, null);
    }

    // Named specifications, so that a store answers from an index instead of reading every customer per complaint.
    private async ValueTask<Customer?> FirstAsync(ISpecification<Customer> criterion, CancellationToken cancellationToken)
    {
        var found = await customers.ListAsync(criterion, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }
}
