namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// How many requests are inside a limit-concurrency policy right now, per key. The key is shared by every policy
/// and scope that uses it (limit-concurrency page: "Can be shared by multiple policies"), so the slots belong to the
/// gateway, not to one policy.
/// </summary>
public sealed class ConcurrencySlots
{
    private readonly Dictionary<string, int> _inside = new(StringComparer.Ordinal);

    /// <summary>Takes a slot when fewer than <paramref name="maxCount"/> requests hold one for the key.</summary>
    public bool TryEnter(string key, int maxCount)
    {
        lock (_inside)
        {
            var inside = _inside.GetValueOrDefault(key);
            if (inside >= maxCount)
            {
                return false;
            }

            _inside[key] = inside + 1;
            return true;
        }
    }

    public void Exit(string key)
    {
        lock (_inside)
        {
            var inside = _inside.GetValueOrDefault(key) - 1;
            if (inside > 0)
            {
                _inside[key] = inside;
            }
            else
            {
                _inside.Remove(key);
            }
        }
    }

    /// <summary>The requests holding a slot for the key now.</summary>
    public int Inside(string key)
    {
        lock (_inside)
        {
            return _inside.GetValueOrDefault(key);
        }
    }
}
