using CsCheck;
using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Privacy;

public sealed class ConsentStateTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 10, 8, 0);
    private static readonly CustomerId Ayse = CustomerId.From("c-ayşe");

    [Fact]
    public void From_AnEmptyHistory_HoldsNoConsent()
    {
        var state = ConsentState.From([]);

        Assert.Equal(ConsentState.None, state);
        Assert.Equal(0, state.Mask);
        Assert.All(Enum.GetValues<ConsentPurpose>(), p => Assert.All(Enum.GetValues<ConsentChannel>(), c => Assert.False(state.Allows(p, c))));
    }

    [Fact]
    public void From_TheLatestRecordByTime_Wins_WhateverTheOrderGiven()
    {
        var grant = Record("g", ConsentChannel.Email, ConsentAction.Grant, At);
        var withdraw = Record("w", ConsentChannel.Email, ConsentAction.Withdraw, At + Duration.FromMinutes(1));

        Assert.False(ConsentState.From([grant, withdraw]).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
        Assert.False(ConsentState.From([withdraw, grant]).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
    }

    [Fact]
    public void From_RecordsAtTheSameInstant_TheLaterInTheSequenceWins()
    {
        var grant = Record("g", ConsentChannel.Sms, ConsentAction.Grant, At);
        var withdraw = Record("w", ConsentChannel.Sms, ConsentAction.Withdraw, At);

        Assert.False(ConsentState.From([grant, withdraw]).Allows(ConsentPurpose.Marketing, ConsentChannel.Sms));
        Assert.True(ConsentState.From([withdraw, grant]).Allows(ConsentPurpose.Marketing, ConsentChannel.Sms));
    }

    [Fact]
    public void From_EachPurposeAndChannel_IsIndependent()
    {
        var state = ConsentState.From(
        [
            Record("1", ConsentChannel.Email, ConsentAction.Grant, At),
            Record("2", ConsentChannel.Sms, ConsentAction.Grant, At),
            new ConsentRecord("3", Ayse, ConsentPurpose.Surveys, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.Checkout, At, "v1"),
            Record("4", ConsentChannel.Sms, ConsentAction.Withdraw, At + Duration.FromDays(1)),
        ]);

        Assert.Equal("marketing:email,surveys:email", state.ToString());
        Assert.Equal((1 << 0) | (1 << 8), state.Mask);
    }

    [Fact]
    public void Mask_RoundTrips_AndBitsOutsideTheKnownConsentsAreRefused()
    {
        var state = ConsentState.None.With(ConsentPurpose.Profiling, ConsentChannel.Push, granted: true);

        Assert.Equal(state, ConsentState.FromMask(state.Mask));
        Assert.Equal(7, ConsentState.BitOf(ConsentPurpose.Profiling, ConsentChannel.Push));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsentState.FromMask(1 << 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsentState.FromMask(-1));
    }

    [Fact]
    public void Property_TheStateIsTheLastRecordOfEachPairByTimeThenSequence()
    {
        var record = Gen.Select(Gen.Enum<ConsentPurpose>(), Gen.Enum<ConsentChannel>(), Gen.Bool, Gen.Int[0, 5]);
        record.Array[0, 30].Sample(draws =>
        {
            var history = draws.Select((d, i) => new ConsentRecord(
                "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Ayse, d.Item1, d.Item2, d.Item3 ? ConsentAction.Grant : ConsentAction.Withdraw,
                ConsentSource.WebForm, At + Duration.FromMinutes(d.Item4), "v1")).ToList();

            var state = ConsentState.From(history);

            // Brute force: for each pair, the record with the greatest (time, position).
            foreach (var purpose in Enum.GetValues<ConsentPurpose>())
            {
                foreach (var channel in Enum.GetValues<ConsentChannel>())
                {
                    var last = history.Select((r, i) => (r, i)).Where(x => x.r.Purpose == purpose && x.r.Channel == channel)
                        .OrderBy(x => x.r.RecordedAt).ThenBy(x => x.i).LastOrDefault().r;
                    Assert.Equal(last?.Grants ?? false, state.Allows(purpose, channel));
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void ToString_IsTheSameUnderTheTurkishCulture()
    {
        using var turkish = new TurkishCulture();
        var state = ConsentState.None.With(ConsentPurpose.Profiling, ConsentChannel.Email, granted: true).With(ConsentPurpose.Marketing, ConsentChannel.Sms, granted: true);

        Assert.Equal("marketing:sms,profiling:email", state.ToString());
    }

    private static ConsentRecord Record(string id, ConsentChannel channel, ConsentAction action, Instant at) =>
        new(id, Ayse, ConsentPurpose.Marketing, channel, action, ConsentSource.WebForm, at, "2026-03");
}
