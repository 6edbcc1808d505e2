import { describe, expect, it } from 'vitest';
import { CHANNEL_RULES, checkChannelRules } from './channel-rules';
import type { SendMessageRequest } from './send-message';

const from = '0b9e4a8c-3f1d-4c2a-9e7b-5d6f7a8b9c0d';
const contactA = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const contactB = '7a2b3c4d-5e6f-4a7b-9c8d-0e1f2a3b4c5d';

const request = (fields: Omit<SendMessageRequest, 'from'>): SendMessageRequest => ({
  from,
  ...fields,
});
const pathsOf = (issues: ReturnType<typeof checkChannelRules>) =>
  issues.map((issue) => issue.path.join('.'));

describe('checkChannelRules', () => {
  describe('postal', () => {
    it('accepts recipients that are contacts without a handle', () => {
      const letter = request({
        to: [{ contact_id: contactA }, { contact_id: contactB }],
        html: '<p>Hi</p>',
      });
      expect(checkChannelRules(letter, 'postal')).toEqual([]);
    });

    it('rejects a handle, naming to.0.handle', () => {
      const letter = request({ to: [{ contact_id: contactA, handle: 'Hauptstr. 1, Berlin' }] });
      expect(pathsOf(checkChannelRules(letter, 'postal'))).toEqual(['to.0.handle']);
    });

    it('rejects a recipient without contact_id, naming its index', () => {
      const letter = request({
        to: [{ contact_id: contactA }, { full_name: 'Erika Mustermann' }, { contact_id: null }],
      });
      expect(pathsOf(checkChannelRules(letter, 'postal'))).toEqual([
        'to.1.contact_id',
        'to.2.contact_id',
      ]);
    });

    it('reports both problems of a recipient with a handle and no contact', () => {
      const letter = request({ to: [{ handle: ['a@example.com'] }] });
      expect(pathsOf(checkChannelRules(letter, 'postal'))).toEqual([
        'to.0.contact_id',
        'to.0.handle',
      ]);
    });
  });

  it('rejects cc and bcc on SMS', () => {
    const sms = request({
      to: [{ handle: '+4915112345678' }],
      cc: [{ handle: '+4915187654321' }],
      bcc: [{ handle: '+4915100000000' }],
      text: 'Hi',
    });
    const issues = checkChannelRules(sms, 'sms');
    expect(pathsOf(issues)).toEqual(['cc', 'bcc']);
    expect(issues[0]?.message).toBe('SMS messages have no cc');
  });

  it('does not object to an empty cc list on SMS', () => {
    expect(checkChannelRules(request({ cc: [], bcc: null, text: 'Hi' }), 'sms')).toEqual([]);
  });

  it('accepts cc, bcc and a subject on email', () => {
    const email = request({
      to: [{ handle: 'a@example.com' }],
      cc: [{ handle: 'b@example.com' }],
      bcc: [{ handle: 'c@example.com' }],
      subject: 'Your order',
      html: '<p>Hi</p>',
    });
    expect(checkChannelRules(email, 'email')).toEqual([]);
  });

  it('rejects a subject on WhatsApp', () => {
    const message = request({ to: [{ handle: '+4915112345678' }], subject: 'Hello', text: 'Hi' });
    expect(pathsOf(checkChannelRules(message, 'whatsapp'))).toEqual(['subject']);
  });

  it('rejects actions on email', () => {
    const email = request({
      subject: 'Hi',
      html: '<p>Hi</p>',
      actions: [{ text: 'Yes', type: 'quick_reply' }],
    });
    expect(pathsOf(checkChannelRules(email, 'email'))).toEqual(['actions']);
  });

  it('accepts quick replies on WhatsApp and Facebook', () => {
    const message = request({ text: 'Coming?', actions: [{ text: 'Yes', type: 'quick_reply' }] });
    expect(checkChannelRules(message, 'whatsapp')).toEqual([]);
    expect(checkChannelRules(message, 'facebook')).toEqual([]);
  });

  it('rejects a footer on Facebook', () => {
    const message = request({ text: 'Hi', footer: 'Reply STOP to opt out' });
    expect(pathsOf(checkChannelRules(message, 'facebook'))).toEqual(['footer']);
  });

  it('accepts a footer on WhatsApp', () => {
    const message = request({ text: 'Hi', footer: 'Reply STOP to opt out' });
    expect(checkChannelRules(message, 'whatsapp')).toEqual([]);
  });
});

describe('CHANNEL_RULES', () => {
  it('has WhatsApp’s limits: 4096 characters, 1024 with buttons, 3 quick replies of 20, footer 60', () => {
    const whatsapp = CHANNEL_RULES.whatsapp;
    expect(whatsapp.maxText).toBe(4096);
    expect(whatsapp.maxTextWithActions).toBe(1024);
    expect(whatsapp.actions?.maxQuickReplies).toBe(3);
    expect(whatsapp.actions?.quickReplyTitleMax).toBe(20);
    expect(whatsapp.footerMax).toBe(60);
  });

  it('has Facebook’s limits: 2000 characters and 13 quick replies', () => {
    expect(CHANNEL_RULES.facebook.maxText).toBe(2000);
    expect(CHANNEL_RULES.facebook.actions?.maxQuickReplies).toBe(13);
  });

  it('has Instagram’s limit of 1000 characters', () => {
    expect(CHANNEL_RULES.instagram.maxText).toBe(1000);
  });

  it('marks Google Business Messages as retired and no other channel', () => {
    expect(CHANNEL_RULES.google_business_messaging.retired).toMatch(/shut down/u);
    const retired = Object.entries(CHANNEL_RULES)
      .filter(([, rule]) => rule.retired !== null)
      .map(([type]) => type);
    expect(retired).toEqual(['google_business_messaging']);
  });

  it('allows cc, bcc and a subject on email only', () => {
    const withCc = Object.entries(CHANNEL_RULES).filter(([, rule]) => rule.ccBcc);
    const withSubject = Object.entries(CHANNEL_RULES).filter(([, rule]) => rule.subject);
    expect(withCc.map(([type]) => type)).toEqual(['email']);
    expect(withSubject.map(([type]) => type)).toEqual(['email']);
  });
});
