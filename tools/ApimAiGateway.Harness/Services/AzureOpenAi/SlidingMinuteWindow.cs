namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// The tokens and requests charged in the last minute of virtual time. A request is admitted when its tokens and
/// one more request fit under the capacities; refused requests charge nothing. Real Azure also checks the rate over
/// 1- or 10-second slices (Microsoft Learn, "Azure OpenAI quota management"); a whole minute keeps tests readable.
/// </summary>
internal sealed class SlidingMinuteWindow(int tokensPerMinute, int requestsPerMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Queue<(DateTimeOffset At, int Tokens)> _charges = new();
    private readonly Lock _gate = new();
    private int _tokens;

    public WindowAdmission TryCharge(DateTimeOffset now, int tokens)
    {
        lock (_gate)
        {
            Expire(now);
            var tokensFit = _tokens + tokens <= tokensPerMinute;
            var requestFits = _charges.Count + 1 <= requestsPerMinute;
            if (tokensFit && requestFits)
            {
                _charges.Enqueue((now, tokens));
                _tokens += tokens;
                return new WindowAdmission(null, RemainingTokens, RemainingRequests, TimeSpan.Zero);
            }

            var retryAfter = tokensFit ? TimeUntilRequestFits(now) : TimeUntilTokensFit(now, tokens);
            return new WindowAdmission(tokensFit ? "call" : "token", RemainingTokens, RemainingRequests, retryAfter);
        }
    }

    private int RemainingTokens => Math.Max(0, tokensPerMinute - _tokens);

    private int RemainingRequests => Math.Max(0, requestsPerMinute - _charges.Count);

    private void Expire(DateTimeOffset now)
    {
        while (_charges.TryPeek(out var oldest) && oldest.At + Window <= now)
        {
            _tokens -= _charges.Dequeue().Tokens;
        }
    }

    private TimeSpan TimeUntilRequestFits(DateTimeOffset now) => _charges.Peek().At + Window - now;

    // A request larger than the whole capacity never fits; Azure still names a wait, so the simulator names a window.
    private TimeSpan TimeUntilTokensFit(DateTimeOffset now, int tokens)
    {
        if (tokens > tokensPerMinute)
        {
            return Window;
        }

        var used = _tokens;
        foreach (var (at, charged) in _charges)
        {
            used -= charged;
            if (used + tokens <= tokensPerMinute)
            {
                return at + Window - now;
            }
        }

        return Window;
    }
}
