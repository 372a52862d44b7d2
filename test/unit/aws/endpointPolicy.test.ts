// endpointProblem: which URLs read from a workspace file may receive signed requests (issue 13, finding 6).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { endpointProblem } from '../../../src/core/awsRules/endpointPolicy';

const ok = (url: string, configured: readonly string[] = []): void => assert.equal(endpointProblem(url, configured), undefined, `${url} accepted`);
const refused = (url: string, configured: readonly string[] = [], why?: RegExp): void => {
  const p = endpointProblem(url, configured);
  assert.ok(p, `${url} refused (configured: ${configured.join(', ') || 'none'})`);
  if (why) assert.match(p, why);
};

test('endpoint policy: AWS https endpoints are accepted without configuration', () => {
  ok('https://search-asl-abc123.us-east-1.es.amazonaws.com');
  ok('https://search-asl-abc123.us-east-1.es.amazonaws.com/');
  ok('https://abc123def.us-west-2.aoss.amazonaws.com');
  ok('https://abc123def.us-west-2.aoss.amazonaws.com:443');
  ok('https://search-x.cn-north-1.es.amazonaws.com.cn');
  ok('https://bedrock.us-east-1.api.aws');
  ok('HTTPS://SEARCH-ASL.US-EAST-1.ES.AMAZONAWS.COM', [], );
});

test('endpoint policy: look-alike hosts are refused', () => {
  for (const url of [
    'https://amazonaws.com',
    'https://.amazonaws.com',
    'https://x..amazonaws.com',
    'https://evilamazonaws.com',
    'https://x.amazonaws.com.evil.net',
    'https://amazonaws.com.evil.net',
    'https://x.amazonaws.com.',
    'https://x.amazonaws.com..',
    'https://x.api.aws.evil',
    'https://x.amazonaws.co',
    'https://x-.amazonaws.com',
    'https://evil.net/x.amazonaws.com',
    'https://evil.net?.amazonaws.com',
    'https://evil.net#.amazonaws.com',
    'https://evil.net\\.amazonaws.com',
    'https://evil%2enet.amazonaws.com',
  ]) refused(url, [], /not an AWS endpoint|host|query|escaped/);
});

test('endpoint policy: user info cannot disguise the host', () => {
  refused('https://x.amazonaws.com@evil.net', [], /user info/);
  refused('https://x.amazonaws.com:pw@evil.net/', [], /user info/);
  refused('https://user@x.us-east-1.es.amazonaws.com', [], /user info/);
  refused('http://127.0.0.1:9200@evil.net', ['http://127.0.0.1:9200'], /user info/);
});

test('endpoint policy: a non-default port on an AWS host is refused unless configured', () => {
  refused('https://x.us-east-1.es.amazonaws.com:8443', [], /port 8443/);
  ok('https://x.us-east-1.es.amazonaws.com:8443', ['https://x.us-east-1.es.amazonaws.com:8443']);
});

test('endpoint policy: plain http only to loopback and only when the user configured it', () => {
  refused('http://127.0.0.1:9200', [], /not one you configured.*bedrockCustomizer\.endpoints/);
  refused('http://localhost:9200', [], /not one you configured/);
  refused('http://[::1]:9200', [], /not one you configured/);
  ok('http://127.0.0.1:9200', ['http://127.0.0.1:9200']);
  ok('http://127.0.0.1:9200/', ['http://127.0.0.1:9200']);
  ok('http://127.0.0.1:9200', ['  http://127.0.0.1:9200/  ']);
  ok('http://127.5.6.7:4000', ['http://127.5.6.7:4000']);
  ok('http://localhost:9200', ['http://LOCALHOST:9200']);
  ok('http://[::1]:9200', ['http://[::1]:9200']);
  // Another port, another host or scheme of a configured endpoint is another endpoint.
  refused('http://127.0.0.1:9201', ['http://127.0.0.1:9200']);
  refused('http://127.0.0.2:9200', ['http://127.0.0.1:9200']);
  refused('http://localhost:9200', ['http://127.0.0.1:9200']);
  refused('https://127.0.0.1:9200', ['http://127.0.0.1:9200']);
  refused('http://127.0.0.1:9200/other', ['http://127.0.0.1:9200']);
  // Plain http off this machine is refused even when configured: credentials would cross the network in clear.
  refused('http://10.0.0.5:9200', ['http://10.0.0.5:9200'], /unencrypted/);
  refused('http://x.us-east-1.es.amazonaws.com', [], /unencrypted/);
  refused('http://[::2]:9200', ['http://[::2]:9200'], /unencrypted/);
});

test('endpoint policy: hosts the URL parser rewrites are refused (no parser differential)', () => {
  refused('http://0x7f.1:9200', ['http://127.0.0.1:9200'], /parser/);
  refused('http://127.1:9200', ['http://127.0.0.1:9200'], /parser/);
  refused('http://[0:0:0:0:0:0:0:1]:9200', ['http://[::1]:9200'], /parser/);
  refused('https://x.amazonaws.com\u3002evil', [], /parser|host/);
});

test('endpoint policy: a configured https endpoint (a VPC endpoint) is accepted exactly', () => {
  ok('https://vpce-0abc.es.internal.example', ['https://vpce-0abc.es.internal.example/']);
  refused('https://vpce-0abc.es.internal.example', ['https://vpce-0abd.es.internal.example'], /not an AWS endpoint/);
  refused('https://vpce-0abc.es.internal.example', ['', 'not a url'], /not an AWS endpoint/);
});

test('endpoint policy: other schemes and non-URLs are refused', () => {
  for (const url of ['', 'x.amazonaws.com', '//x.amazonaws.com', 'ftp://x.amazonaws.com', 'file:///etc/passwd', 'javascript:alert(1)', 'ws://127.0.0.1:9200']) {
    refused(url, ['ws://127.0.0.1:9200']);
  }
});
