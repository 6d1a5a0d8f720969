namespace VikaIvr.Media.Clock;

/// <summary>One pacer's share of the streams. Mutations copy the array; the pacer reads it lock-free.</summary>
internal sealed class PacerShard
{
    private readonly Lock _gate = new();
    private volatile PacerRegistration[] _streams = [];

    public PacerShard(int slotsPerPeriod)
    {
        PhaseLoad = new int[slotsPerPeriod];
    }

    public PacerRegistration[] Streams => _streams;

    public int[] PhaseLoad { get; }

    public LatenessHistogram Lateness { get; } = new();

    public long Frames { get; set; }

    public long Failures { get; set; }

    public int Count => _streams.Length;

    public Lock Gate => _gate;

    public void Add(PacerRegistration registration)
    {
        lock (_gate)
        {
            var next = new PacerRegistration[_streams.Length + 1];
            _streams.CopyTo(next, 0);
            next[^1] = registration;
            _streams = next;
            PhaseLoad[registration.Phase]++;
        }
    }

    public bool Remove(PacerRegistration registration)
    {
        lock (_gate)
        {
            int index = Array.IndexOf(_streams, registration);
            if (index < 0)
            {
                return false;
            }

            var next = new PacerRegistration[_streams.Length - 1];
            Array.Copy(_streams, 0, next, 0, index);
            Array.Copy(_streams, index + 1, next, index, _streams.Length - index - 1);
            _streams = next;
            PhaseLoad[registration.Phase]--;
            registration.Removed = true;
            return true;
        }
    }
}
