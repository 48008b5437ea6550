namespace CustomerCare.Complaints;

/// <summary>What a complaint is about: the broken promise or the failure the customer reports.</summary>
/// <remarks>
/// <para>
/// The categories follow the complaint kinds e-commerce customers raise most (late, missing, damaged or wrong
/// deliveries; returns; questions left unanswered; misunderstandings; channels that cannot be reached; poor service).
/// <see cref="Other"/> is the default value and means that nothing matched, including praise and plain questions.
/// </para>
/// <para>
/// The declaration order (and so the numeric value) is the tie-break order of the built-in classifier: when two
/// categories score the same, the one declared first wins.
/// </para>
/// </remarks>
public enum ComplaintCategory
{
    /// <summary>No complaint category matched: praise, a general question, or a problem outside the categories.</summary>
    Other = 0,

    /// <summary>The order is overdue or arrived later than promised, and is still expected or has since arrived.</summary>
    LateDelivery,

    /// <summary>The order did not arrive: lost, delivered to someone else, marked delivered but not received.</summary>
    NeverDelivered,

    /// <summary>The item arrived broken, damaged, defective, spoiled or not working.</summary>
    Damaged,

    /// <summary>A different product, size, colour, model or quantity was sent, or items are missing from the parcel.</summary>
    WrongItem,

    /// <summary>A return, exchange or refund: asking for one, or one that is slow, refused or incomplete.</summary>
    ReturnRefund,

    /// <summary>The customer asked (by e-mail, form, message or review) and got no answer.</summary>
    UnansweredQuestion,

    /// <summary>Wrong or misleading information: a request misunderstood, a campaign or description that said otherwise.</summary>
    Misunderstanding,

    /// <summary>The company cannot be reached: phone not answered, chat offline, no contact details, calls dropped.</summary>
    CommunicationProblem,

    /// <summary>Dissatisfaction with the service itself: rude or careless staff, problems not taken seriously.</summary>
    ServiceDissatisfaction,
}
