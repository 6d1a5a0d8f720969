namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>
/// Streaming DTMF detector for 8 kHz linear audio (one per call, not thread-safe). Audio is cut
/// into 102-sample blocks (12.75 ms); a digit starts after two consecutive blocks agree and ends
/// after three blocks without it. Two blocks cannot fit in a 20 ms tone but always fit in a 40 ms
/// one; a 10 ms drop-out spoils at most two blocks, so it never splits a digit. Feed frames of any
/// length to <see cref="Process"/> and read events with <see cref="TryRead"/>; no allocation per frame.
/// </summary>
public sealed class InBandDtmfDetector
{
    public const int SampleRate = 8000;
    private const int BlockSize = 102;
    private const int StartBlocks = 2;
    private const int EndBlocks = 3;
    private const int QueueCapacity = 16;

    private readonly GoertzelBank _bank = new(BlockSize, SampleRate);
    private readonly DtmfBlockClassifier _classifier;
    private readonly double[] _energy = new double[8];
    private readonly double[] _windowedEnergy = new double[8];
    private readonly double[] _offset = new double[8];
    private readonly InBandDtmfEvent[] _queue = new InBandDtmfEvent[QueueCapacity];
    private int _queueHead;
    private int _queueCount;

    private long _position;
    private int _inBlock;
    private double _blockEnergy;

    private char _candidate;
    private int _candidateBlocks;
    private long _candidateStart;

    private char _current;
    private long _currentStart;
    private long _lastHitEnd;
    private int _missBlocks;

    public InBandDtmfDetector(InBandDtmfOptions? options = null)
    {
        _classifier = new DtmfBlockClassifier(BlockSize, _bank.SpanLength, SampleRate, options ?? new InBandDtmfOptions());
    }

    /// <summary>Samples processed so far.</summary>
    public long Position => _position;

    /// <summary>The digit currently sounding, or null.</summary>
    public char? CurrentDigit => _current == '\0' ? null : _current;

    /// <summary>Events dropped because nobody read them and the queue was full.</summary>
    public long DroppedEvents { get; private set; }

    public void Process(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            var x = sample / 32768.0;
            _bank.Add(x, _inBlock);
            _blockEnergy += x * x;
            _inBlock++;
            _position++;
            if (_inBlock == BlockSize)
            {
                _bank.EndBlock(_energy, _windowedEnergy, _offset);
                var digit = _classifier.Classify(_energy, _windowedEnergy, _offset, _blockEnergy);
                OnBlock(digit, _position - BlockSize, _position);
                _inBlock = 0;
                _blockEnergy = 0;
            }
        }
    }

    /// <summary>Ends a digit still sounding (at the end of a file or call).</summary>
    public void Finish()
    {
        if (_current != '\0')
        {
            Enqueue(new InBandDtmfEvent(_current, InBandDtmfEventKind.End, _currentStart, _lastHitEnd, SampleRate));
            _current = '\0';
        }

        _candidate = '\0';
        _candidateBlocks = 0;
    }

    public bool TryRead(out InBandDtmfEvent dtmfEvent)
    {
        if (_queueCount == 0)
        {
            dtmfEvent = default;
            return false;
        }

        dtmfEvent = _queue[_queueHead];
        _queueHead = (_queueHead + 1) % QueueCapacity;
        _queueCount--;
        return true;
    }

    private void OnBlock(char digit, long blockStart, long blockEnd)
    {
        if (digit != '\0' && digit == _current)
        {
            _missBlocks = 0;
            _lastHitEnd = blockEnd;
            _candidate = '\0';
            _candidateBlocks = 0;
            return;
        }

        if (_current != '\0' && ++_missBlocks >= EndBlocks)
        {
            Enqueue(new InBandDtmfEvent(_current, InBandDtmfEventKind.End, _currentStart, _lastHitEnd, SampleRate));
            _current = '\0';
        }

        if (digit == '\0')
        {
            _candidate = '\0';
            _candidateBlocks = 0;
            return;
        }

        if (digit == _candidate)
        {
            _candidateBlocks++;
        }
        else
        {
            _candidate = digit;
            _candidateBlocks = 1;
            _candidateStart = blockStart;
        }

        if (_current == '\0' && _candidateBlocks >= StartBlocks)
        {
            _current = digit;
            _currentStart = _candidateStart;
            _lastHitEnd = blockEnd;
            _missBlocks = 0;
            _candidate = '\0';
            _candidateBlocks = 0;
            Enqueue(new InBandDtmfEvent(digit, InBandDtmfEventKind.Start, _currentStart, blockEnd, SampleRate));
        }
    }

    private void Enqueue(InBandDtmfEvent dtmfEvent)
    {
        if (_queueCount == QueueCapacity)
        {
            _queueHead = (_queueHead + 1) % QueueCapacity;
            _queueCount--;
            DroppedEvents++;
        }

        _queue[(_queueHead + _queueCount) % QueueCapacity] = dtmfEvent;
        _queueCount++;
    }
}
