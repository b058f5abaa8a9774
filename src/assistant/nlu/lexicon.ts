/** Word lists used as features and by the rules. Lower case. Hand-written for Concierge. */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

export const MONTHS = set(`january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec`);

export const WEEKDAYS = set(`monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
  thursdays fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun`);

export const RELATIVE_DAYS = set(`today tomorrow yesterday tonight todays tomorrows today's tomorrow's tonight's
  weekend weekends week weeks month months year day days fortnight`);

export const PARTS_OF_DAY = set(`morning afternoon evening night tonight noon midnight lunchtime mornings evenings
  afternoons nights midday dawn dusk`);

export const TIME_WORDS = set(`am pm a.m p.m o'clock oclock clock hour hours minute minutes min mins half quarter`);

export const MEALS = set(`breakfast lunch dinner brunch supper`);

export const RELATIONS = set(`mom mum mother dad father brother sister wife husband son daughter boss manager friend
  friends girlfriend boyfriend grandma grandpa grandmother grandfather aunt uncle cousin niece nephew colleague
  colleagues coworker coworkers partner family parents kids children doctor dentist therapist teacher team
  fiance fiancee mom's dad's mother's father's brother's sister's wife's husband's son's daughter's boss's
  friend's sisters brothers`);

export const FREQUENCY = set(`every daily weekly monthly yearly annually recurring repeating repeat each`);

export const EVENT_NOUNS = set(`meeting meetings appointment appointments event events party birthday call
  conference reminder reminders interview class lesson practice game match concert wedding anniversary
  review standup stand-up sync presentation session workshop seminar training appt dentist doctor checkup
  reunion ceremony graduation date dinner lunch breakfast brunch coffee drinks offsite retreat vacation trip`);

/** Common given names (a feature, not a filter: the tagger learns how much to trust it). */
export const FIRST_NAMES = set(`aaron adam alan albert alex alexander alice allen amanda amy andrew angela anna
  anne anthony ashley barbara ben benjamin beth betty bill billy bob bobby brandon brenda brian bruce carl carol
  caroline catherine charles charlie chris christina christine christopher cindy claire dan daniel danny david
  debbie deborah dennis diana diane donald donna doris dorothy doug douglas dylan ed eddie edward elizabeth ellen
  emily emma eric erica evan frank fred gary george gerald gloria grace greg gregory hannah harold harry heather
  helen henry ian jack jacob james jane janet jason jeff jeffrey jennifer jenny jeremy jerry jessica jim jimmy joan
  joe john johnny jon jonathan jordan joseph josh joshua joyce juan judy julia julie justin karen kate katherine
  kathy keith kelly ken kenneth kevin kim kimberly kyle larry laura lauren lawrence linda lisa liz lori louis
  lucy luke maggie margaret maria marie marilyn mark martha martin mary matt matthew megan melissa michael
  michelle mike nancy natalie nathan nicholas nick nicole olivia pam pamela patricia patrick paul peter phil
  philip rachel ralph raymond rebecca richard rick rob robert roger ron ronald rose ruth ryan sally sam samantha
  samuel sandra sara sarah scott sean sharon shirley sophia stephanie stephen steve steven sue susan tammy terry
  thomas tim timothy tina todd tom tommy tony tyler victoria vincent walter wayne william zach zachary ted jo
  al ali amit raj rahul priya sanjay ravi anil deepak mohammed ahmed chen wei li yuki hiro carlos jose luis
  pedro ana sofia lucia marco giulia pierre marie hans anja olga ivan dmitri fatima aisha omar`);

export const PLACE_CUES = set(`at in to from near office room house home restaurant cafe park school hospital
  airport library gym church downtown building hall center centre street`);

/** Words that introduce a date or time without being one ("on", "at", "by"). */
export const TIME_PREPS = set(`on at by for from to until till before after between around about since in this next
  coming last`);

export const CALENDAR_WORDS = set(`calendar schedule agenda diary planner reminder reminders remind event events
  meeting meetings appointment appointments`);

/**
 * Words of the neighbouring assistant domains a calendar assistant must refuse (weather, travel, music,
 * devices, mail, lists, cooking, news, questions): one shared feature, so a word never seen in training
 * still counts as "not calendar".
 */
export const OTHER_DOMAIN_WORDS = set(`
  weather rain raining rainy snow snowing snowy sunny sunshine cloudy forecast temperature degrees celsius
  fahrenheit cold hot warm chilly freezing humid humidity umbrella jacket coat boots sunscreen wind windy storm
  thunder fog foggy hail dress wear
  traffic train trains bus buses taxi cab uber lyft flight flights ticket tickets commute route highway freeway
  road roads accident accidents construction station subway metro tube tram fare fares ride
  play playing music song songs playlist album albums artist artists band singer sing sang radio station podcast
  podcasts episode audiobook audiobooks volume louder quieter quiet mute unmute shuffle skip pause resume track
  tracks listen lyrics genre jazz rock pop
  lights light lamp lamps brightness dim bulb bulbs vacuum hoover cleaning cleaner robot coffee espresso
  latte cappuccino plug socket thermostat heating heater fan wemo hue
  email emails mail inbox unread reply forward contact contacts tweet twitter facebook instagram linkedin post
  newsfeed messages texts
  lists grocery groceries item items todo to-do
  define definition meaning spell synonym capital population president tall height weigh weight distance far
  convert conversion currency dollar dollars euro euros pound pounds yen rupee rupees exchange rate stock stocks
  shares price prices nasdaq dow joke jokes funny fact facts trivia math calculate plus minus divided percent
  percentage square root
  recipe recipes cook cooking bake baking ingredient ingredients boil fry oven microwave
  order takeaway takeout delivery deliver delivered pizza burger sushi menu
  alarm alarms wake snooze timer
  news headlines headline article articles
  game games movie movies film films tv television channel netflix local nearby city area neighborhood
  neighbourhood
  laundry dishes
`);

/** Words that place a request in the calendar's domain, seen in training or not. */
export const CALENDAR_DOMAIN_WORDS = set(`
  calendar calender calendars schedule scheduled schedules scheduling agenda diary planner planned plans
  meeting meetings meet appointment appointments appt appts reminder reminders remind reminding remember
  event events conference standup stand-up interview booked invite invitation rsvp reschedule postpone`);
