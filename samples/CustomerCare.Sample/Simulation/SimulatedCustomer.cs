using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Sample.Simulation;

/// <summary>A customer the simulation will register, with when it happens and how often they buy.</summary>
/// <param name="Profile">The profile sent in the <c>CustomerRegistered</c> event.</param>
/// <param name="RegistrationDay">The simulated day the platform sends the registration.</param>
/// <param name="DeliverAt">When the registration reaches the library.</param>
/// <param name="DailyOrderChance">The chance of an order on any later day.</param>
public sealed record SimulatedCustomer(Customer Profile, int RegistrationDay, Instant DeliverAt, double DailyOrderChance)
{
    /// <summary>Whether the customer ticked the marketing box at sign-up, which the simulator records in the consent ledger.</summary>
    public bool AcceptsMarketing { get; init; }

    /// <summary>The first day the customer may order: the day of a back-filled registration, the next day otherwise.</summary>
    public int FirstOrderDay => Profile.SignedUpAt < DeliverAt ? RegistrationDay : RegistrationDay + 1;
}
