using CustomerCare.Templates;

namespace CustomerCare.Notifications;

/// <summary>
/// A message to send a customer because something happened: which template, how urgent, and the values of its model
/// beyond the common ones (<c>customer_name</c>, <c>brand</c>, <c>support_url</c>, <c>shop_url</c>).
/// </summary>
/// <param name="Key">
/// What happened, unique and stable across redeliveries, such as <c>complaint/CMP-…/acknowledgement</c>: with the channel
/// it becomes the outbox idempotency key, so the same happening never sends twice.
/// </param>
/// <param name="Template">The template kind.</param>
/// <param name="Kind">Transactional or commercial; commercial messages pass the consent, quiet-hour and cap gates.</param>
/// <param name="Fill">Adds the kind's own values to the model, which is already in the customer's zone.</param>
public sealed record Notice(string Key, TemplateKind Template, MessageKind Kind, Action<TemplateModelBuilder> Fill)
{
    /// <summary>Higher goes first in the outbox. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>What a commercial notice is for: the consent it needs. Default <see cref="Privacy.Consent.ConsentPurpose.Marketing"/>.</summary>
    public Privacy.Consent.ConsentPurpose Purpose { get; init; } = Privacy.Consent.ConsentPurpose.Marketing;
}
